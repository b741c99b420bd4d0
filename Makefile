# Two entry points for newcomers: `make demo` and `make test` (see README.md).
.PHONY: setup system-deps demo test test-fast

# demo keys so the staff and admin pages work out of the box; set real ones in production
DEMO_KEYS = BUDGETQA_STAFF_KEYS='["demo-staff"]' BUDGETQA_ADMIN_KEYS='["demo-admin"]'

setup:
	bash scripts/setup.sh

system-deps:
	bash scripts/install_system_deps.sh

demo: setup
	.venv/bin/budgetqa ingest samples/langfang-zfw-2020-dept-budget.txt samples/01_shpt_wanli-street_2025_dept-budget.pdf
	.venv/bin/budgetqa ask "政法委的公务接待费是多少"
	.venv/bin/budgetqa ask "万里街道三公经费占收入预算的比例"
	$(DEMO_KEYS) .venv/bin/budgetqa serve --host 127.0.0.1 --port 8000

test: setup system-deps
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 .venv/bin/python -m pytest -q

# the inner loop: everything but the tests marked slow (real servers, browser, shared corpus); CI runs `make test`
test-fast:
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 .venv/bin/python -m pytest -q -m "not slow"

# Two entry points for newcomers: `make demo` and `make test` (see README.md).
.PHONY: setup demo test browsers

setup:
	bash scripts/setup.sh

demo: setup
	.venv/bin/budgetqa ingest samples/
	.venv/bin/budgetqa ask "公务接待费是多少"
	.venv/bin/budgetqa ask "三公经费占总预算多少"
	.venv/bin/budgetqa serve --host 127.0.0.1 --port 8000

browsers:
	bash scripts/install_browser.sh

test: setup browsers
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 .venv/bin/python -m pytest -q

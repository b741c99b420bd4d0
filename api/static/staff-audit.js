/* Staff page, 核对 view: the source audit's findings of one document, filtered by severity, each quote opening
 * the source dialog of staff.js (window.BudgetQAStaff), and a CSV export (UTF-8 with BOM, for Excel).
 * All server text is rendered with textContent, never innerHTML. */
(function () {
  "use strict";
  var staff = window.BudgetQAStaff;
  var SEVERITY = { error: "错误", warning: "警告", info: "提示" };
  var QUOTE_SHOWN = 40;  // characters of a quote shown on its button
  var state = { document: null, findings: [], rules: {} };

  function $(id) { return document.getElementById(id); }
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text != null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  function shortQuote(text) {
    var flat = String(text).replace(/\s+/g, " ").trim();
    return flat.length > QUOTE_SHOWN ? flat.slice(0, QUOTE_SHOWN) + "…" : flat;
  }

  document.addEventListener("budgetqa:documents", function (event) {
    var select = $("audit-document");
    var current = select.value;
    select.textContent = "";
    event.detail.documents.forEach(function (d) {
      var option = el("option", d.department + " " + (d.year ? d.year + "年 " : "") + d.kind + " · " + d.source);
      option.value = d.doc_id;
      select.appendChild(option);
    });
    if (current) select.value = current;
  });

  function shown() {
    var wanted = $("audit-severity").value;
    return state.findings.filter(function (f) { return !wanted || f.severity === wanted; });
  }
  function quoteButton(citation) {
    var page = citation.page ? "第" + citation.page + "页：" : "";
    var button = el("button", page + shortQuote(citation.quote), "quote");
    button.type = "button";
    button.setAttribute("aria-label", "查看原文：" + page + citation.quote);
    button.addEventListener("click", function () {
      staff.openSource({ doc_id: state.document.doc_id, start: citation.start, end: citation.end, page: citation.page }, button);
    });
    return button;
  }
  function render() {
    var body = $("audit-table").querySelector("tbody");
    body.textContent = "";
    var findings = shown();
    findings.forEach(function (f) {
      var row = document.createElement("tr");
      row.className = "finding-" + f.severity;
      row.appendChild(el("td", SEVERITY[f.severity] || f.severity, "severity"));
      var rule = el("td", (state.rules[f.rule] || f.rule));
      rule.appendChild(el("small", f.rule, "rule-id"));
      row.appendChild(rule);
      row.appendChild(el("td", f.message));
      var cell = el("td");
      f.citations.forEach(function (c) { cell.appendChild(quoteButton(c)); });
      row.appendChild(cell);
      body.appendChild(row);
    });
    if (!state.document) return;
    var counts = { error: 0, warning: 0, info: 0 };
    state.findings.forEach(function (f) { counts[f.severity] += 1; });
    $("audit-status").textContent = state.findings.length
      ? state.document.source + "：错误 " + counts.error + " 条，警告 " + counts.warning + " 条，提示 " + counts.info + " 条；显示 " + findings.length + " 条。"
      : state.document.source + "：未发现自相矛盾之处。";
  }

  $("audit-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var id = $("audit-document").value;
    if (!id) return;
    $("audit-status").textContent = "核对中…";
    staff.request("/api/documents/" + encodeURIComponent(id) + "/findings")
      .then(function (data) { state.document = data; state.findings = data.findings; state.rules = data.rules; render(); })
      .catch(function (error) { $("audit-status").textContent = "核对失败：" + error.message; });
  });
  $("audit-severity").addEventListener("change", render);

  function csvCell(value) {
    var text = value == null ? "" : String(value);
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  $("audit-export").addEventListener("click", function () {
    if (!state.document) { $("audit-status").textContent = "请先选择文件并点击“核对”。"; return; }
    var lines = [["文件", "级别", "规则", "说明", "页码", "原文", "位置"].join(",")];
    shown().forEach(function (f) {
      f.citations.forEach(function (c) {
        lines.push([state.document.source, SEVERITY[f.severity] || f.severity, f.rule + " " + (state.rules[f.rule] || ""), f.message,
          c.page || "", c.quote, c.start + "-" + c.end]
          .map(csvCell).join(","));
      });
    });
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var link = el("a");
    link.href = URL.createObjectURL(blob);
    link.download = "核对-" + state.document.source.replace(/\.[^.]+$/, "") + ".csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    $("audit-status").textContent = "已导出 CSV（可用 Excel 直接打开）。";
  });
})();

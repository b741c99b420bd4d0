/* Staff look-up page. The key is kept in sessionStorage (this tab only) and sent as X-API-Key.
 * All server text is rendered with textContent, never innerHTML. */
(function () {
  "use strict";
  var KEY = "budgetqa-staff-key";
  var PAGE_SIZE = 50;
  var state = { page: 1, total: 0, filters: {}, latest: 0 };

  function $(id) { return document.getElementById(id); }
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text != null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  function storedKey() { try { return sessionStorage.getItem(KEY) || ""; } catch (e) { return ""; } }
  function setKey(key) { try { if (key) sessionStorage.setItem(KEY, key); else sessionStorage.removeItem(KEY); } catch (e) { /* storage off */ } }

  function query(params) {
    var p = new URLSearchParams();
    Object.keys(params).forEach(function (name) { if (params[name] !== "" && params[name] != null) p.set(name, params[name]); });
    return p.toString();
  }
  function request(path, params, asText) {
    return fetch(path + (params ? "?" + query(params) : ""), { headers: { "X-API-Key": storedKey() } }).then(function (response) {
      if (response.status === 401 || response.status === 403) {
        logout("密钥无效或已失效，请重新输入。");
        throw new Error("密钥无效");
      }
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (data) { throw new Error(data.error || "请求失败（" + response.status + "）"); });
      }
      return asText ? response.blob() : response.json();
    });
  }

  // ---- login -------------------------------------------------------------------------------------
  function showWork(on) {
    $("login").hidden = on;
    $("work").hidden = !on;
    $("logout").hidden = !on;
  }
  function logout(message) {
    setKey("");
    showWork(false);
    $("login-error").textContent = message || "";
    $("key").value = "";
    $("key").focus();
  }
  function fillSelect(select, values, allLabel, suffix) {
    var current = select.value;
    select.textContent = "";
    if (allLabel) { var all = el("option", allLabel); all.value = ""; select.appendChild(all); }
    values.forEach(function (value) { var o = el("option", value + (suffix || "")); o.value = value; select.appendChild(o); });
    select.value = current;
  }
  function start() {
    return request("/api/documents").then(function (data) {
      showWork(true);
      $("login-error").textContent = "";
      fillSelect($("department"), data.departments, "全部部门");
      fillSelect($("year"), data.years, "全部年度", "年");
      fillSelect($("compare-department"), data.departments, null);
      $("status").textContent = "共 " + data.total + " 份文件。输入条件后点击“查询”。";
      return search(1);
    });
  }
  $("login-form").addEventListener("submit", function (event) {
    event.preventDefault();
    setKey($("key").value.trim());
    start().catch(function (error) { if (!$("login").hidden) $("login-error").textContent = error.message; });
  });
  $("logout").addEventListener("click", function () { logout("已退出。"); });

  // ---- facts table ------------------------------------------------------------------------------
  function filters() {
    return { q: $("q").value.trim(), department: $("department").value, year: $("year").value, subject: $("subject").value.trim() };
  }
  function sourceButton(fact) {
    var button = el("button", "查看原文");
    button.type = "button";
    button.setAttribute("aria-label", "查看原文：" + fact.subject + " " + (fact.year || ""));
    button.addEventListener("click", function () { openSource(fact, button); });
    return button;
  }
  function renderFacts(data) {
    var body = $("facts").querySelector("tbody");
    body.textContent = "";
    data.items.forEach(function (f) {
      var row = document.createElement("tr");
      [f.subject, f.measure, f.value, f.unit || "", f.qualifier || "", f.department, f.year || ""].forEach(function (value, i) {
        row.appendChild(el("td", value, i === 2 ? "num" : ""));
      });
      var cell = el("td");
      cell.appendChild(sourceButton(f));
      row.appendChild(cell);
      body.appendChild(row);
    });
    var pages = Math.max(1, Math.ceil(data.total / data.page_size));
    $("page-info").textContent = "第 " + data.page + " / " + pages + " 页";
    $("prev").disabled = data.page <= 1;
    $("next").disabled = data.page >= pages;
    $("status").textContent = data.total ? "找到 " + data.total + " 条数据。" : "没有符合条件的数据。";
  }
  function search(page) {
    var ticket = ++state.latest;  // only the newest query may draw: an older, slower one must not overwrite it
    state.page = page;
    $("status").textContent = "查询中…";
    return request("/api/facts", Object.assign({}, state.filters, { page: page, page_size: PAGE_SIZE }))
      .then(function (data) { if (ticket === state.latest) { state.total = data.total; renderFacts(data); } })
      .catch(function (error) { if (ticket === state.latest) $("status").textContent = "查询失败：" + error.message; });
  }
  $("search").addEventListener("submit", function (event) {
    event.preventDefault();
    state.filters = filters();
    search(1);
  });
  $("prev").addEventListener("click", function () { search(state.page - 1); });
  $("next").addEventListener("click", function () { search(state.page + 1); });

  $("export").addEventListener("click", function () {
    $("status").textContent = "正在导出…";
    request("/api/facts.csv", filters(), true).then(function (blob) {
      var link = el("a");
      link.href = URL.createObjectURL(blob);
      link.download = "预算数据-" + new Date().toISOString().slice(0, 10) + ".csv";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
      $("status").textContent = "已导出 CSV（可用 Excel 直接打开）。";
    }).catch(function (error) { $("status").textContent = "导出失败：" + error.message; });
  });

  // ---- side-by-side years ----------------------------------------------------------------------------
  $("compare-form").addEventListener("submit", function (event) {
    event.preventDefault();
    $("compare-status").textContent = "对比中…";
    request("/api/facts/pivot", { department: $("compare-department").value, subject: $("compare-subject").value.trim() })
      .then(renderPivot)
      .catch(function (error) { $("compare-status").textContent = "对比失败：" + error.message; });
  });
  function renderPivot(data) {
    var head = $("pivot").querySelector("thead");
    var body = $("pivot").querySelector("tbody");
    head.textContent = "";
    body.textContent = "";
    var tr = document.createElement("tr");
    ["科目", "指标"].concat(data.years.map(function (y) { return y + "年"; })).forEach(function (name, i) {
      var th = el("th", name, i > 1 ? "num" : "");
      th.scope = "col";
      tr.appendChild(th);
    });
    head.appendChild(tr);
    data.rows.forEach(function (row) {
      var line = document.createElement("tr");
      var th = el("th", row.subject);
      th.scope = "row";
      line.appendChild(th);
      line.appendChild(el("td", row.measure));
      data.years.forEach(function (year) {
        var cell = row.cells[String(year)];
        var td = el("td", null, "num");
        if (cell) {
          var button = el("button", (cell.qualifier || "") + cell.value + " " + (cell.unit || ""));
          button.type = "button";
          button.setAttribute("aria-label", row.subject + " " + year + "年 " + cell.value + (cell.unit || "") + "，查看原文");
          button.addEventListener("click", function () {
            openSource({ doc_id: cell.doc_id, start: cell.start, end: cell.end, page: cell.page, subject: row.subject,
              measure: row.measure, value: cell.value, unit: cell.unit, qualifier: cell.qualifier }, button);
          });
          td.appendChild(button);
        } else {
          td.textContent = "—";
        }
        line.appendChild(td);
      });
      body.appendChild(line);
    });
    $("compare-status").textContent = data.rows.length
      ? data.department + "：" + data.rows.length + " 项，" + data.years.length + " 个年度。点击数字查看原文。"
      : "该部门没有符合条件的数据。";
  }

  // ---- cited table fragment: table-fragment.js (loaded by staff.html before this file) --------------------
  var fragments = window.BudgetQATableFragment || null;

  // ---- source dialog ----------------------------------------------------------------------------------
  // A figure from a table is shown as its table fragment, as in the chat widget. When the record carries
  // the citation's `table` and `spans` they are used as they are; otherwise the fragment is the record's own
  // span (a table figure's span is its row, up to the figure), under the column the record names, in the
  // section (the table) that holds it. A sentence is shown in its surrounding text.
  var GENERIC_MEASURE = "金额";
  function factCitation(fact, span) {
    if (fact.table) return fact;
    if (!/[\t\n]/.test(span.quote) || !fact.subject) return null;
    var named = fact.measure && fact.measure !== GENERIC_MEASURE;
    var path = named ? fact.measure.split("/") : [fact.subject];
    var section = String(span.section || "").split(" > ");
    var printed = (fact.qualifier || "") + fact.value + (fact.unit ? "（" + fact.unit + "）" : "");
    return {
      doc_id: fact.doc_id, start: fact.start, end: fact.end, page: span.page || fact.page, source: span.source, quote: span.quote,
      label: fact.subject + (named ? " · " + fact.measure : "") + "：" + printed, derived: true,
      table: { title: section[section.length - 1] || span.title, unit: fact.unit, headers: path, row: [] },
      spans: [{ role: "row", start: span.start, end: span.end, text: span.quote }],
    };
  }
  var dialog = $("source");
  var opener = null;
  function openSource(fact, button) {
    opener = button;
    var body = $("source-body");
    body.textContent = "";
    body.appendChild(el("p", "正在打开原文…"));
    if (!dialog.open) dialog.showModal();
    fetch("/api/documents/" + encodeURIComponent(fact.doc_id) + "/text?" + query({ start: fact.start, end: fact.end }))
      .then(function (response) { return response.json().then(function (d) { if (!response.ok) throw new Error(d.error || "无法打开"); return d; }); })
      .then(function (span) {
        body.textContent = "";
        var page = span.page || fact.page;
        var cited = factCitation(fact, span);
        var fragment = cited && fragments ? fragments.tableFragment(cited, page) : null;
        if (fragment) {
          body.appendChild(el("p", fragments.citationReading(cited), "bq-reading"));
          body.appendChild(fragment);
          var pieces = (cited.spans || []).map(function (s) { return (s.role === "header" ? "表头" : s.role === "row" ? "数据行" : "句子") + " 第 " + s.start + "–" + s.end + " 字"; });
          body.appendChild(el("p", "原文位置：" + pieces.join("，") + "。" + (cited.derived ? "列名取自该条数据的科目、指标。" : ""), "hint"));
        } else {
          var quote = el("blockquote");
          quote.appendChild(el("span", (span.start > span.before.length ? "…" : "") + span.before, "context"));
          quote.appendChild(el("mark", span.quote));
          quote.appendChild(el("span", span.after + (span.end + span.after.length < span.text_length ? "…" : ""), "context"));
          body.appendChild(quote);
        }
        var dl = el("dl");
        [["部门", span.department], ["年度", span.year ? span.year + "年" : "—"], ["文件", span.title || span.source], ["文件名", span.source],
          ["章节", span.section || "—"], ["页码", page ? "第" + page + "页" : "—"]].forEach(function (pair) {
          dl.appendChild(el("dt", pair[0]));
          dl.appendChild(el("dd", pair[1]));
        });
        body.appendChild(dl);
        if (fragment) fragments.showHit(fragment);
      })
      .catch(function (error) { body.textContent = ""; body.appendChild(el("p", "无法打开原文：" + error.message, "error")); });
  }
  $("source-close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("close", function () { if (opener) opener.focus(); });

  if (storedKey()) start().catch(function () { /* shown by logout() */ });
  else $("key").focus();
})();

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
      var compared = $("compare-department");
      if (!compared.selectedOptions.length && compared.options.length) compared.options[0].selected = true;
      $("status").textContent = "共 " + data.total + " 份文件。输入条件后点击“查询”。";
      loadUnanswered();
      document.dispatchEvent(new CustomEvent("budgetqa:documents", { detail: data }));  // staff-audit.js lists them
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

  // downloads `path` (with the key) as `name`-<date>.<ext>; `status` tells how it went
  function download(path, params, name, ext, status, done) {
    status.textContent = "正在导出…";
    request(path, params, true).then(function (blob) {
      var link = el("a");
      link.href = URL.createObjectURL(blob);
      link.download = name + "-" + new Date().toISOString().slice(0, 10) + "." + ext;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
      status.textContent = done;
    }).catch(function (error) { status.textContent = "导出失败：" + error.message; });
  }
  $("export").addEventListener("click", function () {
    download("/api/facts.csv", filters(), "预算数据", "csv", $("status"), "已导出 CSV（可用 Excel 直接打开）。");
  });
  $("export-xlsx").addEventListener("click", function () {
    download("/api/facts.xlsx", filters(), "预算数据", "xlsx", $("status"), "已导出 Excel 文件。");
  });

  // ---- side-by-side years (and departments) ------------------------------------------------------------
  // one pivot per chosen department, merged: the years of all, a row per department, subject and measure
  $("compare-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var chosen = Array.prototype.map.call($("compare-department").selectedOptions, function (o) { return o.value; });
    if (!chosen.length) { $("compare-status").textContent = "请至少选择一个部门。"; return; }
    $("compare-status").textContent = "对比中…";
    var subject = $("compare-subject").value.trim();
    Promise.all(chosen.map(function (department) { return request("/api/facts/pivot", { department: department, subject: subject }); }))
      .then(renderPivots)
      .catch(function (error) { $("compare-status").textContent = "对比失败：" + error.message; });
  });
  function renderPivots(pivots) {
    var years = [];
    var rows = [];
    pivots.forEach(function (pivot) {
      pivot.years.forEach(function (y) { if (years.indexOf(y) < 0) years.push(y); });
      pivot.rows.forEach(function (row) { rows.push(Object.assign({ department: pivot.department }, row)); });
    });
    years.sort();
    renderPivot({ departments: pivots.map(function (p) { return p.department; }), years: years, rows: rows });
    drawChartChoices({ departments: pivots.map(function (p) { return p.department; }), years: years, rows: rows });
  }
  function renderPivot(data) {
    var several = data.departments.length > 1;
    var head = $("pivot").querySelector("thead");
    var body = $("pivot").querySelector("tbody");
    head.textContent = "";
    body.textContent = "";
    var tr = document.createElement("tr");
    var leading = (several ? ["部门"] : []).concat(["科目", "指标"]);
    leading.concat(data.years.map(function (y) { return y + "年"; })).forEach(function (name, i) {
      var th = el("th", name, i >= leading.length ? "num" : "");
      th.scope = "col";
      tr.appendChild(th);
    });
    head.appendChild(tr);
    data.rows.forEach(function (row) {
      var line = document.createElement("tr");
      if (several) line.appendChild(el("td", row.department));
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
      ? data.departments.join("、") + "：" + data.rows.length + " 项，" + data.years.length + " 个年度。点击数字查看原文。"
      : "所选部门没有符合条件的数据。";
  }

  // ---- chart of one item across years and departments: inline SVG, drawn here, no library ----------------
  var SVG = "http://www.w3.org/2000/svg";
  var CHART = { width: 640, height: 300, top: 34, bottom: 46, left: 16, right: 16 };
  var SERIES_STYLES = 5; // chart-series-0 … 4 in staff.css
  var chartData = null;
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text != null) node.textContent = String(text);
    return node;
  }
  function itemKey(row) { return row.subject + " · " + row.measure; }
  function printed(cell) { return (cell.qualifier || "") + cell.value + (cell.unit || ""); }
  // the items of the comparison, the one stated in the most departments and years first
  function drawChartChoices(data) {
    chartData = data;
    var counts = {};
    data.rows.forEach(function (row) { counts[itemKey(row)] = (counts[itemKey(row)] || 0) + Object.keys(row.cells).length; });
    var keys = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; });
    var select = $("chart-item");
    select.textContent = "";
    keys.forEach(function (key) { var o = el("option", key); o.value = key; select.appendChild(o); });
    $("chart-box").hidden = !keys.length;
    if (keys.length) drawChart(keys[0]);
  }
  $("chart-item").addEventListener("change", function () { drawChart($("chart-item").value); });
  function drawChart(key) {
    var figure = $("chart");
    figure.textContent = "";
    var data = chartData;
    var series = data.departments.map(function (department) {
      var row = data.rows.filter(function (r) { return r.department === department && itemKey(r) === key; })[0];
      return { department: department, cells: row ? row.cells : {} };
    }).filter(function (s) { return Object.keys(s.cells).length; });
    var plotted = [];
    series.forEach(function (s) { Object.keys(s.cells).forEach(function (y) { plotted.push(s.cells[y]); }); });
    // figures printed in different units are compared in 万元 when every one has it, else not at all
    var inWan = plotted.every(function (c) { return c.amount_wan != null; });
    var units = plotted.map(function (c) { return c.unit || ""; }).filter(function (u, i, all) { return all.indexOf(u) === i; });
    if (!inWan && units.length > 1) {
      figure.appendChild(el("p", "“" + key + "”在各文件中的单位不同，无法作图；请看下表。", "hint"));
      return;
    }
    var size = function (cell) { return Math.max(0, Number(inWan && units.length > 1 ? cell.amount_wan : cell.value)); };
    var years = data.years.filter(function (y) { return series.some(function (s) { return s.cells[String(y)]; }); });
    var top = Math.max.apply(null, plotted.map(size).concat([0])) || 1;
    var inner = { width: CHART.width - CHART.left - CHART.right, height: CHART.height - CHART.top - CHART.bottom };
    var groupWidth = inner.width / Math.max(1, years.length);
    var barWidth = Math.min(72, (groupWidth * 0.7) / Math.max(1, series.length));
    var summary = series.map(function (s) {
      return s.department + "：" + years.filter(function (y) { return s.cells[String(y)]; })
        .map(function (y) { return y + "年 " + printed(s.cells[String(y)]); }).join("，");
    }).join("；");
    var name = key + " 分年度" + (series.length > 1 ? "、分部门" : "") + "对比图";
    var chart = svg("svg", { viewBox: "0 0 " + CHART.width + " " + CHART.height, role: "img", "aria-labelledby": "chart-title", "aria-describedby": "chart-desc", class: "chart-svg" });
    chart.appendChild(svg("title", { id: "chart-title" }, name));
    chart.appendChild(svg("desc", { id: "chart-desc" }, summary + "。" + (units.length > 1 ? "单位不同的数字按万元比较。" : "")));
    var base = CHART.top + inner.height;
    chart.appendChild(svg("line", { x1: CHART.left, x2: CHART.width - CHART.right, y1: base, y2: base, class: "chart-axis" }));
    years.forEach(function (year, g) {
      var groupLeft = CHART.left + g * groupWidth;
      var present = series.filter(function (s) { return s.cells[String(year)]; });
      var start = groupLeft + (groupWidth - barWidth * present.length) / 2;
      present.forEach(function (s, i) {
        var cell = s.cells[String(year)];
        var height = inner.height * size(cell) / top;
        var x = start + i * barWidth;
        var bar = svg("rect", { x: x + 2, y: base - height, width: barWidth - 4, height: Math.max(height, 1),
          class: "chart-bar chart-series-" + (series.indexOf(s) % SERIES_STYLES), "data-year": year });
        bar.appendChild(svg("title", {}, s.department + " " + year + "年：" + printed(cell)));
        chart.appendChild(bar);
        chart.appendChild(svg("text", { x: x + barWidth / 2, y: base - height - 6, class: "chart-value", "text-anchor": "middle" }, printed(cell)));
      });
      chart.appendChild(svg("text", { x: groupLeft + groupWidth / 2, y: base + 20, class: "chart-year", "text-anchor": "middle" }, year + "年"));
    });
    if (series.length > 1) {
      series.forEach(function (s, i) {
        var y = CHART.height - 10, x = CHART.left + i * (inner.width / series.length);
        chart.appendChild(svg("rect", { x: x, y: y - 10, width: 12, height: 12, class: "chart-series-" + (i % SERIES_STYLES) }));
        chart.appendChild(svg("text", { x: x + 18, y: y, class: "chart-legend" }, s.department));
      });
    }
    figure.appendChild(chart);
    figure.appendChild(el("figcaption", name + "（柱上为原文数字）"));
  }

  // ---- questions the assistant did not answer -------------------------------------------------------------
  var OUTCOME = { not_found: "未找到", ambiguous: "需指明部门或年度", out_of_scope: "超出范围" };
  function loadUnanswered() {
    $("unanswered-status").textContent = "读取中…";
    return request("/api/unanswered").then(function (data) {
      var body = $("unanswered-table").querySelector("tbody");
      body.textContent = "";
      data.items.forEach(function (item) {
        var row = document.createElement("tr");
        [item.question, item.times_asked, OUTCOME[item.kind] || item.kind, item.department || "—", item.year || "—", item.item || "—",
          new Date(item.first_asked).toLocaleString("zh-CN"), new Date(item.last_asked).toLocaleString("zh-CN")].forEach(function (value, i) {
          row.appendChild(el("td", value, i === 1 ? "num" : ""));
        });
        body.appendChild(row);
      });
      $("unanswered-status").textContent = data.total ? "共 " + data.total + " 个问题。" : "暂无未能回答的问题。";
    }).catch(function (error) { $("unanswered-status").textContent = "读取失败：" + error.message; });
  }
  $("unanswered-refresh").addEventListener("click", loadUnanswered);
  $("unanswered-export").addEventListener("click", function () {
    download("/api/unanswered.csv", null, "未能回答的问题", "csv", $("unanswered-status"), "已导出 CSV（可用 Excel 直接打开）。");
  });

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

  window.BudgetQAStaff = { request: request, openSource: openSource };  // shared with staff-audit.js

  if (storedKey()) start().catch(function () { /* shown by logout() */ });
  else $("key").focus();
})();

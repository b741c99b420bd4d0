/* budget-qa cited table fragment, shared by the chat widget (widget.js loads this file itself) and the
 * staff page (staff.html loads it before staff.js). Defines one global, window.BudgetQATableFragment.
 *
 * A table citation carries `table` {title, unit, row, headers} and `spans`: the header row(s) and the row as
 * printed, the row ending with the cited figure. The fragment shows the title, the header row(s) over the
 * row, the figure's cell highlighted, the unit and the page. Text only, never markup.
 */
(function () {
  "use strict";
  function fragNode(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = String(text);
    return node;
  }
  function foldCell(text) { return String(text || "").replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")"); }
  function blanks(n) { var out = []; for (var i = 0; i < n; i++) out.push(""); return out; }
  // Lines of a table as printed: cells split on a tab or on 2+ spaces, an empty cell keeping its place.
  // Text dumped from Word prints one cell per line; then the lines are the cells of one row.
  function tableLines(text) {
    var lines = String(text || "").split(/\r?\n/);
    var split = lines.map(function (line) { return line.split(/\t| {2,}|\u3000{2,}/).map(function (c) { return c.trim(); }); });
    function filled(cells) { return cells.filter(Boolean).length; }
    function trimEnd(cells) { while (cells.length && !cells[cells.length - 1]) cells.pop(); return cells; }
    if (lines.length > 1 && split.every(function (cells) { return filled(cells) <= 1; })) {
      var cells = trimEnd(lines.map(function (line) { return line.trim(); }));
      while (cells.length && !cells[0]) cells.shift();
      return cells.length ? [cells] : [];
    }
    return split.filter(filled).map(trimEnd);
  }
  function spanOf(c, role) { return (c.spans || []).filter(function (s) { return s.role === role; })[0] || null; }
  function citationReading(c) {
    return c.label || ("“" + String(c.quote || "").replace(/\s+/g, " ").trim() + "”");
  }
  // The grid: header rows, the row, and the column of the figure (the row span's last cell). The header
  // line is aligned so that the cell naming the figure's column stands over the figure; when the header
  // line does not name it, the column header path stands over the figure instead.
  function fragmentGrid(c) {
    var rowSpan = spanOf(c, "row"), headerSpan = spanOf(c, "header");
    var row = rowSpan ? [].concat.apply([], tableLines(rowSpan.text)) : [];
    if (!row.length) return null;
    var path = ((c.table && c.table.headers) || []).filter(Boolean);
    var leaf = path.length ? foldCell(path[path.length - 1]) : "";
    var col = row.length - 1;
    var heads = headerSpan ? tableLines(headerSpan.text) : [];
    var at = -1;
    (heads[heads.length - 1] || []).forEach(function (cell, i) {
      if (leaf && foldCell(cell) === leaf && (at < 0 || Math.abs(i - col) < Math.abs(at - col))) at = i;
    });
    if (at < 0) {
      heads = path.length ? [blanks(col).concat([path.join(" / ")])] : [];
      at = col;
    } else if (path.length > 1) {
      var upper = path.slice(0, -1).join(" / ");
      var named = heads.some(function (cells) { return foldCell(cells[at]) === foldCell(upper); });
      if (!named && heads.length === 1) heads.unshift(blanks(at).concat([upper]));
    }
    if (at > col) { row = blanks(at - col).concat(row); col = at; }
    if (at < col) heads = heads.map(function (cells) { return blanks(col - at).concat(cells); });
    var width = Math.max.apply(null, [row.length].concat(heads.map(function (cells) { return cells.length; })));
    // A header over merged columns is printed once, in its first column, with blanks after it. In a header
    // row above the last, such a cell naming the figure's column path (e.g. 公务用车购置及运行费 over 购置费 and
    // 运行费) is drawn across to the figure's column: `merged[r]` is {from, to} for head row r, else null.
    var uppers = path.slice(0, -1).map(foldCell);
    var merged = heads.map(function (cells, r) {
      if (r === heads.length - 1 || cells[col]) return null;
      var j = col - 1;
      while (j >= 0 && !cells[j]) j--;
      return j >= 0 && uppers.indexOf(foldCell(cells[j])) >= 0 ? { from: j, to: col } : null;
    });
    return { heads: heads, merged: merged, row: row, col: col, width: width };
  }
  function tableFragment(c, page) {
    var grid = fragmentGrid(c);
    if (!grid) return null;
    var t = c.table || {};
    var table = fragNode("table", "bq-frag-table");
    if (grid.heads.length) {
      var thead = fragNode("thead");
      grid.heads.forEach(function (cells, r) {
        var tr = fragNode("tr");
        var merged = grid.merged[r];
        for (var i = 0; i < grid.width; i++) {
          var span = merged && i === merged.from ? merged.to - i + 1 : 1;
          var text = cells[i] || "";
          // the named header(s) standing over the figure are marked; a blank above it is not
          var th = fragNode("th", text && i <= grid.col && grid.col < i + span ? "bq-frag-col" : "", text);
          th.setAttribute("scope", "col");
          if (span > 1) th.colSpan = span;
          tr.appendChild(th);
          i += span - 1;
        }
        thead.appendChild(tr);
      });
      table.appendChild(thead);
    }
    var tr = fragNode("tr");
    for (var i = 0; i < grid.width; i++) {
      if (i === grid.col) {
        var hit = fragNode("td", "bq-frag-hit");
        hit.appendChild(fragNode("mark", "", grid.row[i]));
        tr.appendChild(hit);
      } else if (i < grid.row.length) {
        tr.appendChild(fragNode("td", "", grid.row[i]));
      } else {
        var more = fragNode("td", "bq-frag-more", "…");
        more.title = "此格未被引用";
        tr.appendChild(more);
      }
    }
    var tbody = fragNode("tbody");
    tbody.appendChild(tr);
    table.appendChild(tbody);
    var wrap = fragNode("div", "bq-frag-wrap");
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", "表格片段（可左右滚动）");
    wrap.appendChild(table);
    var figure = fragNode("figure", "bq-frag");
    figure.appendChild(fragNode("figcaption", "bq-frag-title", t.title || "表格"));
    figure.appendChild(wrap);
    var facts = [t.unit ? "单位：" + t.unit : "", page ? "第 " + page + " 页" : "", "高亮格为所引数字"].filter(Boolean);
    figure.appendChild(fragNode("p", "bq-frag-meta", facts.join(" · ")));
    return figure;
  }
  // brings the highlighted cell into view inside the fragment's own scroll box (never scrolls the page)
  function showHit(figure) {
    var wrap = figure.querySelector(".bq-frag-wrap"), hit = figure.querySelector(".bq-frag-hit");
    if (!wrap || !hit) return;
    var box = wrap.getBoundingClientRect(), cell = hit.getBoundingClientRect();
    if (cell.right > box.right) wrap.scrollLeft += cell.right - box.right + 4;
    else if (cell.left < box.left) wrap.scrollLeft -= box.left - cell.left + 4;
  }

  window.BudgetQATableFragment = {
    tableFragment: tableFragment,
    showHit: showHit,
    citationReading: citationReading,
    fragmentGrid: fragmentGrid,
    tableLines: tableLines,
  };
})();

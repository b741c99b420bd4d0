/* budget-qa chat widget: <script src="https://host/static/widget.js" data-endpoint="https://host"></script>
 *
 * Adds a "预算问答" button and a chat panel to the page. Plain JS, no framework. Everything the
 * server sends is rendered with textContent (never innerHTML), inside a shadow root so the host
 * page's styles and ours cannot clash. The panel never opens by itself.
 * Optional attributes: data-department / data-year limit questions to one department / year;
 * data-contact-url overrides the 留言 / 人工服务 link the server's /api/widget-config gives (BUDGETQA_CONTACT_URL).
 * A conversation: each answer's `context` is sent back with the next question, so "那2024年呢？" is understood;
 * "新话题" forgets it. An ambiguous answer offers its candidates as buttons that re-ask with that scope.
 * The empty panel offers questions made from the documents the server holds (/api/suggestions), and each answer
 * two related questions (`related`); either kind of button asks its question.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__budgetqaWidget) return;
  window.__budgetqaWidget = true;

  var scriptUrl = new URL(script.src, location.href);
  var endpoint = new URL(script.getAttribute("data-endpoint") || "/", scriptUrl).href.replace(/\/+$/, "");
  var scope = { department: script.getAttribute("data-department") || "", year: script.getAttribute("data-year") || "" };
  var LARGE_KEY = "budgetqa-large-text";
  var CONTEXT_SHOWN = 80; // characters of source text shown around a quote
  var AI_LABEL = "本回答由人工智能自动生成，仅供参考，请以公开文件原文为准。";
  var conversation = null; // the last answer's `context`, sent with the next question
  var intro = null; // the suggested questions shown while nothing has been asked

  // ---- cited table fragment: table-fragment.js, next to this file --------------------------------------
  // The host page adds only this script; the shared fragment code (also used by the staff page) is added
  // here, once, from where this file came from (else the endpoint's /static/). A source view opened before
  // it has loaded waits for it; when it cannot load, a table figure is shown as its label or quote, as text.
  var fragments = window.BudgetQATableFragment || null;
  var fragmentsReady = fragments ? Promise.resolve(fragments) : new Promise(function (resolve) {
    var tag = document.createElement("script");
    tag.src = new URL("table-fragment.js", script.src ? scriptUrl.href : endpoint + "/static/").href;
    tag.async = true;
    if (script.nonce) tag.nonce = script.nonce;
    tag.addEventListener("load", function () { resolve(window.BudgetQATableFragment || null); });
    tag.addEventListener("error", function () { resolve(null); });
    (document.head || document.documentElement).appendChild(tag);
  }).then(function (loaded) { fragments = loaded; return loaded; });
  function citationReading(c) {
    return fragments ? fragments.citationReading(c) : c.label || String(c.quote || "").replace(/\s+/g, " ").trim();
  }

  // ---- tiny DOM helpers (text only) ---------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else if (name === "class") node.className = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  function icon(pathData) {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", pathData);
    svg.appendChild(path);
    return svg;
  }
  function formatNumber(value) {
    return Number(value).toLocaleString("zh-CN", { maximumFractionDigits: 6 });
  }
  function where(c) {
    return [c.department, c.year ? c.year + "年" : "", c.section || "", c.page ? "第" + c.page + "页" : ""]
      .filter(Boolean).join(" · ");
  }

  // ---- structure ------------------------------------------------------------------------------------
  var host = el("div", { "data-budgetqa": "" });
  var root = host.attachShadow({ mode: "open" });
  var style = el("link", { rel: "stylesheet", href: endpoint + "/static/widget.css" });
  var frame = el("div", { class: "bq", hidden: "" });
  style.addEventListener("load", function () { frame.removeAttribute("hidden"); });
  style.addEventListener("error", function () { frame.removeAttribute("hidden"); });

  var launcher = el("button", { type: "button", class: "bq-launch", "aria-haspopup": "dialog", "aria-expanded": "false", "aria-controls": "bq-panel" },
    [icon("M4 4h16v11H8l-4 4z"), el("span", { text: "预算问答" })]);
  var title = el("h2", { id: "bq-title", text: "预算问答" });
  var largeToggle = el("button", { type: "button", class: "bq-tool", "aria-pressed": "false", text: "大字模式" });
  var closeButton = el("button", { type: "button", class: "bq-tool bq-close", "aria-label": "关闭问答窗口", title: "关闭（Esc）" }, [el("span", { text: "×", "aria-hidden": "true" })]);
  var log = el("div", { class: "bq-log", role: "log", "aria-live": "polite", "aria-label": "问答记录", tabindex: "0" });
  var input = el("input", { id: "bq-q", type: "text", autocomplete: "off", enterkeyhint: "send", placeholder: "例如：公务接待费是多少" });
  var send = el("button", { type: "submit", class: "bq-send", text: "提问" });
  var form = el("form", { class: "bq-form" }, [el("label", { for: "bq-q", class: "bq-sr", text: "请输入您的问题" }), input, send]);
  var topicText = el("span", { class: "bq-topic-text" });
  var newTopic = el("button", { type: "button", class: "bq-new-topic", text: "新话题", title: "不再接着上文理解问题" });
  var topicBar = el("div", { class: "bq-topic", hidden: "" }, [topicText, newTopic]);
  var contactLink = el("a", { class: "bq-contact", target: "_blank", rel: "noopener noreferrer", hidden: "", text: "留言 / 人工服务" });
  var footer = el("div", { class: "bq-foot" }, [el("p", { class: "bq-ai", text: AI_LABEL }), contactLink]);
  var sourceTitle = el("h3", { tabindex: "-1", text: "出处原文" });
  var sourceBack = el("button", { type: "button", class: "bq-tool", text: "返回问答" });
  var sourceBody = el("div", { class: "bq-source-body" });
  var sourceView = el("section", { class: "bq-source", "aria-label": "出处原文", hidden: "" },
    [el("div", { class: "bq-source-head" }, [sourceTitle, sourceBack]), sourceBody]);
  var panel = el("div", { id: "bq-panel", class: "bq-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "bq-title", hidden: "" }, [
    el("div", { class: "bq-head" }, [title, largeToggle, closeButton]),
    el("p", { class: "bq-note", text: "依据已公开的部门预算、决算文件作答，数字均注明出处，可点击核对原文。" }),
    log, sourceView, topicBar, form, footer,
  ]);
  frame.appendChild(launcher);
  frame.appendChild(panel);
  root.appendChild(style);
  root.appendChild(frame);

  // ---- open / close / large text ---------------------------------------------------------------------
  var returnFocusTo = null;
  function openPanel() {
    if (!log.firstChild) showSuggestions();
    panel.removeAttribute("hidden");
    launcher.setAttribute("aria-expanded", "true");
    frame.classList.add("bq-open");
    input.focus();
  }
  function closePanel() {
    panel.setAttribute("hidden", "");
    launcher.setAttribute("aria-expanded", "false");
    frame.classList.remove("bq-open");
    launcher.focus();
  }
  launcher.addEventListener("click", function () {
    if (panel.hasAttribute("hidden")) openPanel(); else closePanel();
  });
  closeButton.addEventListener("click", closePanel);
  panel.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    event.preventDefault();
    if (!sourceView.hasAttribute("hidden")) closeSource(); else closePanel();
  });
  function setLarge(on) {
    frame.classList.toggle("bq-large", on);
    largeToggle.setAttribute("aria-pressed", on ? "true" : "false");
    try { localStorage.setItem(LARGE_KEY, on ? "1" : "0"); } catch (e) { /* storage may be off */ }
    var fragment = sourceBody.querySelector(".bq-frag");
    if (fragment && fragments && !sourceView.hasAttribute("hidden")) fragments.showHit(fragment); // the cells grew or shrank
  }
  largeToggle.addEventListener("click", function () { setLarge(!frame.classList.contains("bq-large")); });
  try { if (localStorage.getItem(LARGE_KEY) === "1") setLarge(true); } catch (e) { /* storage may be off */ }

  // ---- rendering --------------------------------------------------------------------------------------
  function scrollDown() { log.scrollTop = log.scrollHeight; }
  function bubble(kind, children) {
    var node = el("div", { class: "bq-msg bq-" + kind }, children);
    log.appendChild(node);
    scrollDown();
    return node;
  }
  // text read from a scanned page by OCR says so wherever it is cited
  var FROM_IMAGE = "（图片识别文字）";
  function imageNote(c) { return c.from_image ? FROM_IMAGE : ""; }
  // a citation button: where the source is and, in the list under an answer, what it reads (the figure
  // read as its table row when the figure comes from a table, else the quote)
  function citationButton(c, number, withReading) {
    var label = "[" + number + "] " + where(c) + imageNote(c);
    var reading = citationReading(c);
    var button = el("button", { type: "button", class: "bq-cite", "aria-label": "查看出处 " + number + "：" + (withReading ? reading + "；" : "") + where(c) + imageNote(c) }, [
      el("span", { class: "bq-cite-n", text: "[" + number + "]" }),
      el("span", { text: " " + (where(c) || c.source) }),
      c.from_image ? el("span", { class: "bq-cite-ocr", text: FROM_IMAGE }) : null,
      withReading ? el("span", { class: "bq-cite-read" + (c.label ? " bq-cite-label" : ""), text: reading }) : null,
    ]);
    button.title = label + "\n" + reading;
    button.addEventListener("click", function () { openSource(c, button); });
    return button;
  }
  function figure(value, unit, qualifier) {
    return el("p", { class: "bq-figure" }, [
      qualifier ? el("span", { class: "bq-qual", text: qualifier }) : null,
      el("span", { class: "bq-value", text: formatNumber(value) }),
      unit ? el("span", { class: "bq-unit", text: unit }) : null,
    ]);
  }
  function citedList(heading, items, startNumber) {
    var list = el("ul", { class: "bq-alts" });
    items.forEach(function (item, i) {
      var line = [item.department, item.year ? item.year + "年" : "", item.value != null ? (item.qualifier || "") + formatNumber(item.value) + (item.unit || "") : "", item.text || ""]
        .filter(Boolean).join(" ");
      list.appendChild(el("li", {}, [el("span", { text: line + " " }), item.citation ? citationButton(item.citation, startNumber + i) : null]));
    });
    return [el("p", { class: "bq-sub", text: heading }), list];
  }
  function renderAnswer(target, answer, question) {
    target.textContent = "";
    target.className = "bq-msg bq-answer" + (answer.kind === "not_found" || answer.kind === "out_of_scope" ? " bq-notfound" : "");
    if (answer.assumed) {
      target.appendChild(el("p", { class: "bq-assumed" }, [el("span", { class: "bq-label", text: "按上文理解为：" }), el("span", { text: answer.assumed })]));
    }
    if (answer.kind === "number" && answer.value != null) target.appendChild(figure(answer.value, answer.unit, answer.qualifier));
    var text = String(answer.text || "");
    var said = answer.assumed ? "（按上文理解为：" + answer.assumed + "）" : "";
    if (said && text.indexOf(said) === 0) text = text.slice(said.length); // shown once, above, as 按上文理解为
    target.appendChild(el("p", { class: "bq-text", text: text }));
    if (answer.formula) target.appendChild(el("p", { class: "bq-formula" }, [el("span", { class: "bq-label", text: "计算：" }), el("span", { text: answer.formula })]));
    var citations = answer.citations || [];
    if (citations.length) {
      target.appendChild(el("p", { class: "bq-sub", text: "出处" }));
      var list = el("ol", { class: "bq-cites" });
      citations.forEach(function (c, i) { list.appendChild(el("li", {}, [citationButton(c, i + 1, true)])); });
      target.appendChild(list);
    }
    var n = citations.length + 1;
    if ((answer.conflicts || []).length) {
      citedList("原文中另有不一致之处：", answer.conflicts, n).forEach(function (x) { target.appendChild(x); });
      n += answer.conflicts.length;
    }
    if ((answer.candidates || []).length) {
      if (question) target.appendChild(choices(question, answer.candidates));
      citedList("您可能想问（可补充部门或年份）：", answer.candidates, n).forEach(function (x) { target.appendChild(x); });
    }
    if ((answer.related || []).length) {
      var heading = answer.kind === "out_of_scope" ? "点击即可提问：" : "您还可以问：";
      target.appendChild(questionButtons(heading, answer.related, "bq-related"));
    }
    scrollDown();
    // an answer taller than the log is shown from its start (the assumed scope, the figure), not its last citation
    var overflow = target.getBoundingClientRect().top - log.getBoundingClientRect().top;
    if (overflow < 0) log.scrollTop += overflow - 8;
  }
  // an ambiguous answer: one button per candidate department and year, re-asking the same question there
  function choices(question, candidates) {
    var seen = {};
    var group = el("div", { class: "bq-choices", role: "group", "aria-label": "请选择要查询的部门和年度" });
    group.appendChild(el("p", { class: "bq-sub", text: "请选择部门和年度：" }));
    candidates.forEach(function (c) {
      var key = (c.department || "") + "|" + (c.year || "");
      if (!c.department || seen[key]) return;
      seen[key] = true;
      var label = c.department + (c.year ? " " + c.year + "年" : "");
      var button = el("button", { type: "button", class: "bq-choice", text: label, "aria-label": "查询" + label + "：" + question });
      button.addEventListener("click", function () {
        if (busy) return;
        ask(question, { department: c.department, year: c.year ? String(c.year) : "" });
      });
      group.appendChild(button);
    });
    return group;
  }
  // questions offered as buttons (suggested on opening, related after an answer): a click asks the question,
  // read against the conversation so far
  function questionButtons(heading, questions, className) {
    var group = el("div", { class: "bq-asks " + className, role: "group", "aria-label": heading });
    group.appendChild(el("p", { class: "bq-sub", text: heading }));
    questions.forEach(function (q) {
      var button = el("button", { type: "button", class: "bq-ask", text: q });
      button.addEventListener("click", function () { if (!busy) ask(q); });
      group.appendChild(button);
    });
    return group;
  }
  function showSuggestions() {
    var p = new URLSearchParams();
    if (scope.department) p.set("department", scope.department);
    if (scope.year) p.set("year", scope.year);
    intro = bubble("intro", [el("p", { text: "您好！我可以回答已公开的部门预算、决算文件中的问题。" })]);
    var shown = intro;
    fetch(endpoint + "/api/suggestions" + (p.toString() ? "?" + p.toString() : ""))
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (shown !== intro || !data || !(data.questions || []).length) return; // already asked, or nothing to offer
        intro.appendChild(questionButtons("您可以这样问：", data.questions, "bq-suggested"));
      })
      .catch(function () { /* the panel works without suggestions */ });
  }

  // ---- conversation -----------------------------------------------------------------------------------
  function topicLabel(c) {
    return [c.department, c.year ? c.year + "年" : "", c.item || c.topic || ""].filter(Boolean).join(" · ");
  }
  function remember(answer) {
    if (!answer || !answer.context) return;
    conversation = answer.context;
    var label = topicLabel(conversation);
    topicText.textContent = label ? "接着上文：" + label : "接着上文提问";
    topicBar.removeAttribute("hidden");
  }
  newTopic.addEventListener("click", function () {
    conversation = null;
    topicBar.setAttribute("hidden", "");
    bubble("info", [el("p", { text: "已开始新话题，下一个问题将不再接着上文理解。" })]);
    input.focus();
  });
  function renderError(target, message) {
    target.textContent = "";
    target.className = "bq-msg bq-error";
    target.appendChild(el("p", { text: message }));
    scrollDown();
  }

  // ---- source viewer ----------------------------------------------------------------------------------
  // A table figure shows its table fragment at once (everything it needs is in the citation); a sentence
  // shows the text around the quote. Where the source is (department, file, section, page) comes from the
  // document text endpoint.
  var sourceOpener = null;
  var opening = 0; // which openSource call the view is showing
  function openSource(c, opener) {
    var mine = ++opening;
    sourceOpener = opener;
    sourceBody.textContent = "";
    var content = el("div", { class: "bq-source-content" });
    var metaBox = el("div", { class: "bq-meta-box" });
    sourceBody.appendChild(content);
    sourceBody.appendChild(metaBox);
    log.setAttribute("hidden", "");
    form.setAttribute("hidden", "");
    panel.classList.add("bq-viewing");
    sourceView.removeAttribute("hidden");
    if (c.table && !fragments) { // a click faster than table-fragment.js: wait for it (or for its failure)
      content.appendChild(el("p", { class: "bq-status", text: "正在打开原文…" }));
      sourceTitle.focus();
      fragmentsReady.then(function () {
        if (mine === opening && !sourceView.hasAttribute("hidden")) showSource(c, content, metaBox);
      });
      return;
    }
    showSource(c, content, metaBox);
    sourceTitle.focus();
  }
  function showSource(c, content, metaBox) {
    content.textContent = "";
    if (c.from_image) {
      var sure = c.confidence == null ? "" : "，识别可信度 " + Math.round(c.confidence * 100) + "%";
      content.appendChild(el("p", { class: "bq-note bq-ocr-note", text: "此处原文是从扫描图片中识别出的文字" + sure + "，可能有误，请以原件为准。" }));
    }
    var fragment = c.table && fragments ? fragments.tableFragment(c, c.page) : null;
    var textOnly = !!c.table && !fragments; // table-fragment.js did not load
    if (fragment) {
      content.appendChild(el("p", { class: "bq-reading", text: citationReading(c) }));
      content.appendChild(fragment);
      var pieces = (c.spans || []).map(function (s) { return (s.role === "header" ? "表头" : s.role === "row" ? "数据行" : "句子") + " 第 " + s.start + "–" + s.end + " 字"; });
      content.appendChild(el("p", { class: "bq-note", text: "原文位置（" + c.source + "）：" + (pieces.join("，") || "第 " + c.start + "–" + c.end + " 字") + "。" }));
      fragments.showHit(fragment);
    } else if (textOnly) {
      content.appendChild(el("p", { class: "bq-reading", text: citationReading(c) }));
    }
    var aside = fragment || textOnly; // the figure is shown; the text endpoint only tells where it is
    (aside ? metaBox : content).appendChild(el("p", { class: "bq-status", text: "正在打开原文…" }));
    var url = endpoint + "/api/documents/" + encodeURIComponent(c.doc_id) + "/text?start=" + c.start + "&end=" + c.end;
    fetch(url).then(function (response) {
      return response.json().then(function (data) { if (!response.ok) throw new Error(data.error || "原文暂时无法打开"); return data; });
    }).then(function (span) {
      metaBox.textContent = "";
      var facts = [["部门", span.department], ["年度", span.year ? span.year + "年" : "—"], ["文件", span.title || span.source],
        ["章节", span.section || "—"], ["页码", (span.page || c.page) ? "第" + (span.page || c.page) + "页" : "—"]];
      var dl = el("dl", { class: "bq-meta" });
      facts.forEach(function (f) { dl.appendChild(el("dt", { text: f[0] })); dl.appendChild(el("dd", { text: String(f[1]) })); });
      metaBox.appendChild(dl);
      if (aside) return;
      // a sentence: the text around it, the quote highlighted; a small panel shows less context than the
      // API gives, so the highlighted quote stays in view
      content.textContent = "";
      var before = span.before.slice(-CONTEXT_SHOWN), after = span.after.slice(0, CONTEXT_SHOWN);
      var mark = el("mark", { text: span.quote });
      content.appendChild(el("blockquote", { class: "bq-quote" }, [
        el("span", { class: "bq-context", text: (span.start > before.length ? "…" : "") + before }),
        mark,
        el("span", { class: "bq-context", text: after + (span.end + after.length < span.text_length ? "…" : "") }),
      ]));
      content.appendChild(el("p", { class: "bq-note", text: "高亮部分即答案引用的原文（" + (span.source || "") + "，第 " + span.start + "–" + span.end + " 字）。" }));
      if (mark.scrollIntoView) mark.scrollIntoView({ block: "nearest" });
    }).catch(function (error) {
      var box = aside ? metaBox : content;
      box.textContent = "";
      box.appendChild(el("p", { class: "bq-error", role: "alert", text: "无法打开原文：" + (error && error.message ? error.message : "网络错误") }));
    });
  }
  function closeSource() {
    sourceView.setAttribute("hidden", "");
    log.removeAttribute("hidden");
    form.removeAttribute("hidden");
    panel.classList.remove("bq-viewing");
    if (sourceOpener && sourceOpener.isConnected) sourceOpener.focus(); else input.focus();
  }
  sourceBack.addEventListener("click", closeSource);

  // ---- asking -----------------------------------------------------------------------------------------
  var busy = false;
  // `asked`: {scope, context} of one question — the widget's scope or a chosen candidate's, and the context
  function params(question, asked) {
    var p = new URLSearchParams({ question: question });
    if (asked.scope.department) p.set("department", asked.scope.department);
    if (asked.scope.year) p.set("year", asked.scope.year);
    if (asked.context) p.set("context", JSON.stringify(asked.context));
    return p;
  }
  function errorText(response, data) {
    if (response.status === 429) return "提问过于频繁，请 " + (response.headers.get("Retry-After") || "几") + " 秒后再试。";
    if (data && data.error) return data.error;
    return "服务暂时不可用，请稍后再试。";
  }
  // EventSource cannot read an error response, so a failed stream is retried once as a plain POST,
  // which returns either the answer or the reason (too long, too frequent, …) as text
  function askPlain(question, target, asked) {
    var body = { question: question };
    if (asked.scope.department) body.department = asked.scope.department;
    if (asked.scope.year) body.year = Number(asked.scope.year);
    if (asked.context) body.context = asked.context;
    return fetch(endpoint + "/api/ask", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().catch(function () { return null; }).then(function (data) {
          if (response.ok && data) { renderAnswer(target, data, question); remember(data); } else renderError(target, errorText(response, data));
        });
      })
      .catch(function () { renderError(target, "无法连接问答服务，请检查网络后再试。"); });
  }
  // `chosen`: a candidate's {department, year}; the question is then asked there, not as a follow-up
  function ask(question, chosen) {
    var asked = chosen ? { scope: chosen, context: null } : { scope: scope, context: conversation };
    if (intro) { intro.remove(); intro = null; }
    busy = true;
    send.disabled = true;
    bubble("user", [el("p", { text: question + (chosen ? "（" + chosen.department + (chosen.year ? " " + chosen.year + "年" : "") + "）" : "") })]);
    var status = el("p", { class: "bq-status", text: "正在处理…" });
    var target = bubble("answer bq-pending", [status]);
    var finished = false;
    function finish() { finished = true; busy = false; send.disabled = false; }
    if (!window.EventSource) { askPlain(question, target, asked).then(finish); return; }
    var source = new EventSource(endpoint + "/api/ask/stream?" + params(question, asked).toString());
    source.addEventListener("status", function (event) {
      try { status.textContent = JSON.parse(event.data).message + "…"; } catch (e) { /* ignore a malformed status */ }
      scrollDown();
    });
    source.addEventListener("answer", function (event) {
      try { var data = JSON.parse(event.data); renderAnswer(target, data, question); remember(data); } catch (e) { renderError(target, "回答无法显示，请重试。"); }
      finish();
    });
    source.addEventListener("error", function (event) {
      if (event.data) { // an `error` event sent by the server
        try { renderError(target, JSON.parse(event.data).error); } catch (e) { renderError(target, "服务暂时不可用，请稍后再试。"); }
        finish();
        return;
      }
      source.close(); // connection failed or closed; never let EventSource reconnect and ask again
      if (!finished) askPlain(question, target, asked).then(finish);
    });
    source.addEventListener("done", function () { source.close(); if (!finished) { renderError(target, "未收到回答，请重试。"); finish(); } });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var question = input.value.trim();
    if (busy) return;
    if (!question) { input.focus(); return; }
    input.value = "";
    ask(question);
  });

  // ---- the 留言 / 人工服务 link: data-contact-url, else the server's setting; none when neither is set ----------
  function showContact(url) {
    var href;
    try { href = new URL(url, location.href); } catch (e) { return; }
    if (!/^(https?|mailto):$/.test(href.protocol)) return; // never a javascript: link
    contactLink.href = href.href;
    contactLink.removeAttribute("hidden");
  }
  if (script.getAttribute("data-contact-url")) showContact(script.getAttribute("data-contact-url"));
  else {
    fetch(endpoint + "/api/widget-config").then(function (response) { return response.ok ? response.json() : null; })
      .then(function (config) { if (config && config.contact_url) showContact(config.contact_url); })
      .catch(function () { /* no link when the setting cannot be read */ });
  }

  function mount() { document.body.appendChild(host); }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();

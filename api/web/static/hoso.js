// hoso — the little JavaScript of the web pages. Actions go to the JSON API (one set of rules),
// with the session's CSRF token; pages are rendered by the server.
"use strict";

const csrf = () => (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

function notice(text, bad) {
  const box = document.getElementById("notice");
  if (!box) return;
  box.textContent = text;
  box.className = "notice" + (bad ? " bad" : "");
  box.hidden = false;
  clearTimeout(box._timer);
  box._timer = setTimeout(() => { box.hidden = true; }, bad ? 9000 : 4000);
}

async function api(method, url, body) {
  const init = { method, credentials: "same-origin", headers: { "X-CSRF-Token": csrf() } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const r = await fetch(url, init);
  const data = (r.headers.get("content-type") || "").includes("json") ? await r.json() : null;
  if (!r.ok) {
    const message = data && data.error ? data.error.message : "Lỗi " + r.status;
    throw new Error(message);
  }
  return data;
}

// A form's fields as JSON: "a.b" nests; data-type="number" | "bool" | "int-or-null".
function formJson(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled || el.name === "csrf_token") continue;
    if ((el.type === "radio") && !el.checked) continue;
    let value = el.type === "checkbox" ? el.checked : el.value;
    const type = el.dataset.type;
    if (type === "number") value = value === "" ? null : Number(value.replace(",", "."));
    if (type === "int-or-null") value = value === "" ? null : parseInt(value, 10);
    if (type === "bool") value = el.type === "checkbox" ? el.checked : value === "true";
    const path = el.name.split(".");
    let node = out;
    path.slice(0, -1).forEach((k) => { node = node[k] = node[k] || {}; });
    node[path[path.length - 1]] = value;
  }
  return listify(out);
}

// {"0": {...}, "1": {...}} -> [{...}, {...}], leaving out rows whose fields are all empty.
function listify(node) {
  if (node === null || typeof node !== "object") return node;
  const keys = Object.keys(node);
  for (const k of keys) node[k] = listify(node[k]);
  if (keys.length && keys.every((k) => /^\d+$/.test(k))) {
    return keys.sort((a, b) => a - b).map((k) => node[k]).filter((row) =>
      typeof row !== "object" || Object.values(row).some((v) => v !== "" && v !== null));
  }
  return node;
}

// <form data-api="/api/…" data-method="POST" data-after="reload|<url>" data-confirm="…">
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!form.dataset.api) return;
  event.preventDefault();
  const submitter = event.submitter;
  const question = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
  if (question && !window.confirm(question)) return;
  const body = formJson(form);
  if (submitter && submitter.name) body[submitter.name] = submitter.dataset.type === "bool"
    ? submitter.value === "true" : submitter.value;
  const buttons = form.querySelectorAll("button");
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const method = form.dataset.method || "POST";
    await api(method, form.dataset.api, method === "DELETE" ? undefined : body);
    notice(form.dataset.done || "Đã lưu.");
    const after = form.dataset.after || "reload";
    setTimeout(() => { if (after === "reload") location.reload(); else location.href = after; }, 300);
  } catch (err) {
    notice(err.message, true);
    buttons.forEach((b) => { b.disabled = false; });
  }
});

// The queue: select rows, give them to a reviewer.
document.addEventListener("change", (event) => {
  if (event.target.id === "select-all") {
    document.querySelectorAll("input[name=pick]").forEach((c) => { c.checked = event.target.checked; });
  }
});

async function bulkAssign(button) {
  const reviewer = document.getElementById("bulk-reviewer").value;
  const ids = [...document.querySelectorAll("input[name=pick]:checked")].map((c) => c.value);
  if (!reviewer || ids.length === 0) { notice("Hãy chọn hồ sơ và người chấm.", true); return; }
  button.disabled = true;
  let done = 0;
  const failed = [];
  for (const id of ids) {
    try { await api("POST", `/api/dossiers/${id}/assignments`, { reviewer: Number(reviewer) }); done++; }
    catch (err) { failed.push(`Hồ sơ ${id}: ${err.message}`); }
  }
  notice(`Đã giao ${done}/${ids.length} hồ sơ.` + (failed.length ? " " + failed.join("; ") : ""), failed.length > 0);
  setTimeout(() => location.reload(), failed.length ? 4000 : 800);
}

// The upload page: drop files or ZIPs, send them with progress, then follow the batch.
function setupUpload() {
  const zone = document.getElementById("drop");
  if (!zone) return;
  const input = document.getElementById("files");
  const chosen = document.getElementById("chosen");
  let files = [];
  const show = () => {
    chosen.textContent = files.length ? files.map((f) => f.name).join(", ") : "Chưa chọn tệp nào.";
    document.getElementById("send").disabled = files.length === 0;
  };
  zone.addEventListener("click", () => input.click());
  const prior = document.querySelector("#upload-form input[name=prior]");
  const list = document.getElementById("metadata-field");
  if (prior && list) prior.addEventListener("change", () => { list.hidden = !prior.checked; });
  input.addEventListener("change", () => { files = [...input.files]; show(); });
  ["dragenter", "dragover"].forEach((e) => zone.addEventListener(e, (ev) => {
    ev.preventDefault(); zone.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((e) => zone.addEventListener(e, (ev) => {
    ev.preventDefault(); zone.classList.remove("over");
  }));
  zone.addEventListener("drop", (ev) => { files = [...ev.dataTransfer.files]; show(); });
  document.getElementById("upload-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const form = ev.target;
    const data = new FormData();
    files.forEach((f) => data.append("files", f, f.name));
    for (const name of ["round", "profile"]) if (form.elements[name].value) data.append(name, form.elements[name].value);
    if (form.elements.prior && form.elements.prior.checked) {
      data.append("prior", "true");
      const list = form.elements.metadata && form.elements.metadata.files[0];
      if (list) data.append("metadata", list, list.name);
    }
    send(data, form.dataset.replaces);
  });
  show();
}

// Send an upload, then follow its batch. ``button``: the one that sent it (the upload page's
// own by default), disabled while sending; the progress bar only where the page has one.
function send(data, replaces, button) {
  const bar = document.getElementById("sent");
  const sender = button || document.getElementById("send");
  const xhr = new XMLHttpRequest();
  xhr.open("POST", "/api/batches");
  xhr.setRequestHeader("X-CSRF-Token", csrf());
  xhr.upload.onprogress = (e) => { if (bar && e.lengthComputable) bar.value = e.loaded / e.total; };
  xhr.onload = () => {
    let body = null;
    try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
    if (xhr.status === 202) {
      const target = `/tai-len/lo/${body.batch}` + (replaces ? `?thay=${replaces}` : "");
      location.href = target;
    } else {
      notice(body && body.error ? body.error.message : "Tải lên thất bại (" + xhr.status + ").", true);
      if (button) button.disabled = false;
    }
  };
  xhr.onerror = () => {
    notice("Mất kết nối khi tải lên; các tệp chưa được nhận.", true);
    if (button) button.disabled = false;
  };
  if (sender) sender.disabled = true;
  xhr.send(data);
}

// A batch's page: refresh the file table until every file is finished.
function followBatch() {
  const table = document.getElementById("batch-files");
  if (!table || table.dataset.complete === "true") return;
  setTimeout(async () => {
    try {
      const r = await fetch(location.pathname + "/bang" + location.search, { credentials: "same-origin" });
      if (r.ok) {
        const holder = document.getElementById("batch-holder");
        holder.innerHTML = await r.text();
      }
    } catch (e) { /* the next round tries again */ }
    followBatch();
  }, 1500);
}

// Re-upload a fixed file: pick it, send it in a new batch of the same round and profile.
// With data-supplements="<id>": the resubmission of a dossier waiting for a supplement, every
// file of it at once (the server takes the round and profile of the dossier it supplements).
function reupload(button) {
  const picker = document.createElement("input");
  picker.type = "file";
  const supplements = button.dataset.supplements;
  picker.multiple = Boolean(supplements);
  picker.addEventListener("change", () => {
    if (!picker.files.length) return;
    const data = new FormData();
    const chosen = supplements ? [...picker.files] : [picker.files[0]];
    chosen.forEach((f) => data.append("files", f, f.name));
    for (const name of ["round", "profile", "supplements"]) {
      if (button.dataset[name]) data.append(name, button.dataset[name]);
    }
    if (button.dataset.prior === "true") data.append("prior", "true");
    send(data, button.dataset.dossier, button);
  });
  picker.click();
}

// Re-OCR: after the request, wait for the page text to change, then reload.
// The stamp is "cho" while the page waits; a new stamp (or the wait ending) means it was read.
async function waitForReocr(form) {
  const since = form.dataset.since;
  let waited = false;
  for (let i = 0; i < 400; i++) {
    await new Promise((r) => setTimeout(r, 1500));
    const r = await fetch(form.dataset.poll, { credentials: "same-origin" });
    if (!r.ok) continue;
    const now = (await r.text()).trim();
    if (now === "cho") { waited = true; continue; }
    if (now !== since || waited) { location.reload(); return; }
  }
}

document.addEventListener("DOMContentLoaded", () => {
  setupUpload();
  followBatch();
  document.querySelectorAll("[data-bulk-assign]").forEach((b) => b.addEventListener("click", () => bulkAssign(b)));
  document.querySelectorAll("[data-reupload]").forEach((b) => b.addEventListener("click", () => reupload(b)));
  document.querySelectorAll("form[data-reocr]").forEach((f) => f.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try {
      await api("POST", f.dataset.reocr, formJson(f));
      notice("Đã gửi yêu cầu nhận dạng lại; trang sẽ tự cập nhật khi xong.");
      f.querySelectorAll("button").forEach((b) => { b.disabled = true; });
      waitForReocr(f);
    } catch (err) { notice(err.message, true); }
  }));
});

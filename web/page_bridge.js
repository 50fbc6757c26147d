// What the app asks of the page: what only the page can do, because it needs
// the DOM or the page's own storage. The app sends each request as one plain
// message (Module.oboleToPage), and what the page has to say back (a step
// back in the history, a chosen file, what an on-screen keyboard typed, a
// paste) goes to `send`, the app's ordered input queue, like every event of
// the page (web/page_events.js). Messages are plain objects a structured
// clone carries unchanged: the same ones serve an app running on this thread
// or in a worker.
//   { t: 'title', text }
//   { t: 'history', place }           a new place; the first replaces the page's own entry
//   { t: 'setting', key, value }      remembered by this browser (localStorage 'obole.' + key)
//   { t: 'save', name, type, bytes }  a file to download
//   { t: 'open', name, type, bytes }  an image or a PDF shown in a new tab (else downloaded)
//   { t: 'print', html }
//   { t: 'choose', accept }           the file picker; the file comes back as { t: 'file', name, bytes }
//   { t: 'copy', text }               the app copied: onto the clipboard
//   { t: 'selection', text }          the active field's selection (null: none, or a password)
//   { t: 'caret', want, x, y, h }     the hidden text field follows the caret (CSS pixels)
//   { t: 'cursor', css }              the pointer's shape over the canvas
//   { t: 'overlay', json }            what the ARIA overlay shows (web/a11y_overlay.js)
//   { t: 'reload' }                   the device's data was replaced: start again
// It sends back, besides: { t: 'history', place } (Back or Forward) and
// { t: 'file', name, bytes }.
'use strict';

// Settings this browser remembers for the app, read once at start: the app
// reads them from the copy it is given, and writes through 'setting'.
function oboleReadSettings() {
  const out = {};
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key && key.startsWith('obole.')) out[key.slice(6)] = localStorage.getItem(key);
    }
  } catch (e) {
    console.warn('Obole: this browser keeps no settings (' + e + '): the defaults stand');
  }
  return out;
}

function oboleStartPageBridge(canvas, send) {
  // --- Files: saved, shown, printed, chosen ------------------------------------
  function click(url, name, newTab) {
    const a = document.createElement('a');
    a.href = url;
    if (newTab) {
      // noopener and noreferrer: the tab gets no window.opener, so no page
      // can reach the app's window through it. (A blob's page inherits the
      // app's origin and its Content-Security-Policy: no script runs in it.)
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    } else {
      a.download = name;
    }
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }
  // The app hands only what core/members/document_view.h proved to be an
  // image or a PDF, typed as its bytes say; anything else is downloaded.
  const SHOWN = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'];
  function open(m) {
    const shown = SHOWN.includes(m.type);
    const blob = new Blob([m.bytes], { type: shown ? m.type : 'application/octet-stream' });
    click(URL.createObjectURL(blob), m.name, shown);
  }
  // In a hidden frame rather than a new window: no popup blocker, and the
  // app's page stays as it is. The browser tests read window.oboleLastPrinted.
  function print(html) {
    window.oboleLastPrinted = html;
    const old = document.getElementById('obole-print-frame');
    if (old) old.remove();
    const frame = document.createElement('iframe');
    frame.id = 'obole-print-frame';
    frame.setAttribute('aria-hidden', 'true');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    frame.onload = () => {
      try { frame.contentWindow.focus(); frame.contentWindow.print(); } catch (e) { console.warn('print:', e); }
    };
    frame.srcdoc = html;
    document.body.appendChild(frame);
  }
  // The picker needs the person's recent click (transient activation), which
  // the request, made by the frame after the click, still has.
  let picker = null;
  function choose(accept) {
    if (!picker) {
      picker = document.createElement('input');
      picker.type = 'file';
      picker.id = 'obole-file-input';
      picker.style.display = 'none';
      picker.addEventListener('change', async () => {
        const file = picker.files && picker.files[0];
        picker.value = '';
        if (!file) return;
        send({ t: 'file', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      });
      document.body.appendChild(picker);
    }
    picker.accept = accept;
    picker.click();
  }

  // --- History -----------------------------------------------------------------
  // The URL stays as it is: a place holds a member's id, which has no
  // business in bookmarks or server logs.
  let historyStarted = false;
  function history(place) {
    const state = { obole: place };
    if (historyStarted) {
      window.history.pushState(state, '');
      return;
    }
    historyStarted = true;
    window.history.replaceState(state, '');
    window.addEventListener('popstate', (e) => {
      if (e.state && typeof e.state.obole === 'string') send({ t: 'history', place: e.state.obole });
    });
  }

  // --- The hidden text field ---------------------------------------------------
  // Who delivers what (each as a message in the app's one ordered queue, so
  // text and keys arrive in the order typed):
  //  - A key pressed on a keyboard is taken on the window (page_events.js)
  //    before the element sees it, with the character it makes; that
  //    character is kept out of the element (keypress is cancelled there), so
  //    nothing arrives twice.
  //  - What comes as text instead (an on-screen keyboard, the text an IME
  //    commits, an autocorrection) is sent as characters; a deletion an
  //    on-screen keyboard makes, as Backspace or Delete. The element keeps
  //    one space, so a keyboard has something to delete even in an empty field.
  //  - While an IME composes, the composition stays in the element (the
  //    browser draws its candidate window there); its result is sent when it ends.
  //  - A paste never reaches the element: the paste event below takes it first.
  const field = document.createElement('input');
  field.type = 'text';
  field.id = 'obole-text';
  for (const [k, v] of [['autocomplete', 'off'], ['autocorrect', 'off'], ['autocapitalize', 'off'],
                        ['spellcheck', 'false'], ['tabindex', '-1'], ['aria-hidden', 'true']])
    field.setAttribute(k, v);
  // Invisible but focusable; 16 px text so iOS does not zoom the page on focus.
  field.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:20px;opacity:0;border:0;padding:0;' +
                        'margin:0;font-size:16px;pointer-events:none;z-index:-1';
  const SENTINEL = ' ';
  const reset = () => { field.value = SENTINEL; field.setSelectionRange(1, 1); };
  const type = (text) => { if (text) send({ t: 'text', text }); };
  let composing = false, composed = false;
  field.addEventListener('keypress', (e) => e.preventDefault());
  field.addEventListener('keydown', (e) => {
    // Keys already sent to the app as keys must not also edit the element.
    if (e.key === 'Delete' || e.key === 'Enter') e.preventDefault();
  });
  field.addEventListener('compositionstart', () => { composing = true; });
  field.addEventListener('compositionend', (e) => {
    composing = false;
    composed = true;
    type(e.data);
    reset();
  });
  field.addEventListener('input', (e) => {
    if (composing || e.isComposing) return;
    const kind = e.inputType || '';
    if (composed && kind === 'insertFromComposition') {
      composed = false;  // sent at compositionend
    } else if (kind === 'deleteContentBackward') {
      send({ t: 'erase', forward: false });
    } else if (kind === 'deleteContentForward') {
      send({ t: 'erase', forward: true });
    } else if (kind.startsWith('insert') && kind !== 'insertFromPaste' && kind !== 'insertFromDrop') {
      type(e.data !== null && e.data !== undefined ? e.data : field.value.slice(SENTINEL.length));
    }
    composed = false;
    reset();
  });
  document.body.appendChild(field);
  reset();
  window.oboleTextInput = field;  // the overlay names it after the field being edited
  // The app says where the caret is when it moves; a click on the canvas
  // (focusable, for the overlay) takes the focus in between: it goes back.
  let wanted = false;
  canvas.addEventListener('focus', () => { if (wanted) field.focus({ preventScroll: true }); });
  function caret(m) {
    wanted = m.want;
    if (!m.want) {
      if (document.activeElement === field) field.blur();
      return;
    }
    const rect = canvas.getBoundingClientRect();
    field.style.left = (rect.left + m.x) + 'px';
    field.style.top = (rect.top + m.y) + 'px';
    field.style.height = Math.max(m.h, 16) + 'px';
    if (document.activeElement !== field) field.focus({ preventScroll: true });
  }

  // --- The clipboard -------------------------------------------------------------
  // How each way works:
  //  - Ctrl/Cmd+C or X in a field: the browser's copy (or cut) event comes
  //    before the app's next frame sees the keys. It puts the field's
  //    selection, as the app last told it, on the clipboard there and then,
  //    which every browser allows (Safari allows nothing later). The app then
  //    does its own copy or cut; the text it hands over is the same.
  //  - A copy the app makes on its own (a Copy menu item): the Clipboard API,
  //    which the browser allows shortly after a click or key.
  //  - A paste, however it came (Ctrl or Cmd+V, whose key the app never sees:
  //    page_events.js keeps it back; the browser's menu; a long press on a
  //    phone), is typed into the field: one message in the input queue, in
  //    its place among the keys, so it arrives once and whole. A cut with
  //    Cmd+X deletes the selection after copying it.
  // Passwords are never copied: the app sends no selection for them.
  let selection = null, copiedByEvent = null;
  let ctrlKey = '';  // the key combination that led to a cut, when the app acts on it itself
  window.addEventListener('keydown', (e) => { ctrlKey = e.ctrlKey && !e.metaKey ? e.key.toLowerCase() : ''; }, true);
  const onCopy = (e) => {
    if (selection === null) {
      // Nothing to give: the hidden field's placeholder must not go out instead.
      if (e.target === field) e.preventDefault();
      return;
    }
    e.clipboardData.setData('text/plain', selection);
    e.preventDefault();
    copiedByEvent = selection;
    if (e.type === 'cut' && ctrlKey !== 'x') send({ t: 'erase', forward: true });
    ctrlKey = '';
  };
  document.addEventListener('copy', onCopy, true);
  document.addEventListener('cut', onCopy, true);
  document.addEventListener('paste', (e) => {
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    e.preventDefault();  // the hidden field must not hold it: the app does
    if (text) send({ t: 'paste', text });
    ctrlKey = '';
  }, true);
  function copy(text) {
    const byEvent = copiedByEvent;
    copiedByEvent = null;
    if (text === byEvent) return;  // the copy event put it on the clipboard already
    if (!navigator.clipboard || !navigator.clipboard.writeText) {
      console.warn('Obole: this browser offers no clipboard to write to; the copy stays inside Obole');
      return;
    }
    navigator.clipboard.writeText(text).catch((err) => {
      console.warn('Obole: the browser refused the copy (' + err + '); it stays inside Obole');
    });
  }

  return function fromApp(m) {
    switch (m.t) {
    case 'title': document.title = m.text; break;
    case 'history': history(m.place); break;
    case 'setting':
      try { localStorage.setItem('obole.' + m.key, m.value); } catch (e) { console.warn('localStorage:', e); }
      break;
    case 'save': click(URL.createObjectURL(new Blob([m.bytes], { type: m.type })), m.name, false); break;
    case 'open': open(m); break;
    case 'print': print(m.html); break;
    case 'choose': choose(m.accept); break;
    case 'copy': copy(m.text); break;
    case 'selection': selection = m.text; break;
    case 'caret': caret(m); break;
    case 'cursor': canvas.style.cursor = m.css; break;
    case 'overlay': if (window.oboleA11yOverlay) window.oboleA11yOverlay.update(m.json); break;
    case 'reload': location.reload(); break;
    default: console.warn('Obole: the page was asked for an unknown thing: ' + m.t);
    }
  };
}

// The accessibility overlay: what the canvas draws, as ARIA elements a screen
// reader can read and operate. Each ImGui item of the last frame (as the item
// mirror, app/platform/item_mirror.cpp, describes it) gets one transparent
// element laid exactly over its pixels, with its role, name and state. The
// mirror calls update() after a rendered frame when anything it describes has
// changed; nothing here runs on a timer.
//
// Pointer input still goes to the canvas: the overlay takes no pointer events
// and draws nothing (opacity 0, no focus ring). A screen reader's activation
// arrives as a click on an element (dispatched to the element itself, not
// through the pointer), and is passed to ImGui as a keyboard activation of the
// item; DOM focus follows ImGui's keyboard focus, and a screen reader moving
// focus to an element moves ImGui's focus there.
'use strict';

(function () {
  // The mirror's roles: the ARIA role of each, and the landmark or group it
  // goes in ('main' unless said).
  const ROLES = {
    button: { role: 'button' },
    disclosure: { role: 'button' },               // a collapsing header or tree node
    navbutton: { role: 'button', place: 'nav' },  // shows a screen (aria-current on the one shown)
    checkbox: { role: 'checkbox' },
    radio: { role: 'radio' },
    textbox: { role: 'textbox' },
    combobox: { role: 'combobox' },
    tab: { role: 'tab', group: 'tablist' },
    option: { role: 'option', group: 'listbox' },  // a choice in a combo's list
    row: { role: 'option', group: 'listbox' },     // a row of a table that opens something
    menuitem: { role: 'menuitem', group: 'menu' },
    menuitemcheckbox: { role: 'menuitemcheckbox', group: 'menu' },
    menu: { role: 'menuitem', group: 'menu' },
    heading: { role: 'heading', text: true, tag: 'h1' },
    section: { role: 'heading', text: true, tag: 'h2' },
    text: { role: null, text: true },
    status: { role: null, text: true, place: 'status' },
  };

  let root = null, navLand = null, mainLand = null, footer = null, statusRegion = null;
  const nodes = new Map();   // item id -> element, kept across frames
  const groups = new Map();  // 'listbox:<id>' -> container element
  let last = null;           // the last description, for re-layout on resize
  // The canvas's place on the page, read once per size: reading it after the
  // overlay's DOM changed forced a layout in every frame (0.7 ms a frame
  // while a list scrolled). The canvas fills the window, so only a resize moves it.
  let canvasRect = null;
  let focusing = false;      // our own focus() calls are not a screen reader's

  function module() { return window.Module; }

  function element(tag, attrs) {
    const el = document.createElement(tag);
    for (const k in attrs) el.setAttribute(k, attrs[k]);
    return el;
  }

  function setAttr(el, name, value) {
    if (value === null || value === undefined) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else if (el.getAttribute(name) !== String(value)) {
      el.setAttribute(name, String(value));
    }
  }

  function setText(el, text) {
    if (el.textContent !== text) el.textContent = text;
  }

  function ensureRoot() {
    if (root) return;
    root = element('div', { id: 'obole-a11y' });
    root.style.cssText = 'position:fixed;left:0;top:0;width:0;height:0;overflow:hidden;opacity:0;' +
                         'pointer-events:none;z-index:1;margin:0;padding:0';
    navLand = element('div', { role: 'navigation' });
    mainLand = element('div', { role: 'main' });
    footer = element('div', { role: 'contentinfo' });
    statusRegion = element('div', { role: 'status' });
    footer.appendChild(statusRegion);
    root.append(navLand, mainLand, footer);
    // After the canvas, so reading order is canvas (hidden) then the overlay.
    document.body.appendChild(root);
    root.addEventListener('click', onClick);
    root.addEventListener('focusin', onFocusIn);
    window.addEventListener('resize', () => { canvasRect = null; if (last) layout(last); });
  }

  function itemOf(target) {
    const el = target && target.closest ? target.closest('[data-id]') : null;
    return el && root.contains(el) ? el : null;
  }

  // A screen reader's (or a test's) activation or move: queued behind the keys
  // typed before it, so they reach the field they were typed in
  // (app/platform/page_input.cpp); ImGui presses or focuses the item then.
  function send(id, activate) {
    const M = module();
    if (M && M.oboleInput) M.oboleInput({ t: 'a11y', id, activate });
  }

  function onClick(e) {
    const el = itemOf(e.target);
    if (!el || !el.hasAttribute('tabindex')) return;
    e.preventDefault();
    send(Number(el.dataset.id), true);
  }

  function onFocusIn(e) {
    if (focusing) return;
    const el = itemOf(e.target);
    if (!el) return;
    send(Number(el.dataset.id), false);
  }

  function nodeFor(it, kind) {
    let el = nodes.get(it.id);
    const tag = kind.tag || 'div';
    if (el && el.tagName.toLowerCase() !== tag) {
      el.remove();
      el = null;
    }
    if (!el) {
      el = document.createElement(tag);
      el.dataset.id = String(it.id);
      el.style.cssText = 'position:absolute;margin:0;padding:0;border:0;outline:none;overflow:hidden;' +
                         'white-space:nowrap;font-size:1px;line-height:1px;color:transparent;background:transparent';
      nodes.set(it.id, el);
    }
    return el;
  }

  // The role, name and state of one element.
  function describe(el, it, kind) {
    setAttr(el, 'role', kind.role && kind.role !== 'heading' ? kind.role : null);
    const interactive = !kind.text;
    setAttr(el, 'tabindex', interactive ? '-1' : null);
    if (kind.text) {
      setAttr(el, 'aria-label', null);
      setText(el, it.name);
    } else {
      setAttr(el, 'aria-label', it.name);
      // A field's (and a combo's) value is its text, as a screen reader reads it.
      setText(el, it.role === 'textbox' || it.role === 'combobox' ? (it.value || '') : '');
    }
    const checkable = 'checked' in it;
    setAttr(el, 'aria-checked', checkable ? (it.checked ? 'true' : 'false') : null);
    setAttr(el, 'aria-selected', 'selected' in it ? (it.selected ? 'true' : 'false') : null);
    setAttr(el, 'aria-expanded', 'expanded' in it ? (it.expanded ? 'true' : 'false') : null);
    setAttr(el, 'aria-haspopup', it.role === 'combobox' ? 'listbox' : it.role === 'menu' ? 'menu' : null);
    setAttr(el, 'aria-disabled', it.disabled ? 'true' : null);
    const canBeReadOnly = kind.role === 'textbox' || kind.role === 'combobox' || kind.role === 'checkbox';
    setAttr(el, 'aria-readonly', it.readonly && canBeReadOnly ? 'true' : null);
    setAttr(el, 'aria-current', it.current ? 'page' : null);
    el.dataset.role = it.role;
  }

  function groupFor(kind, it, names) {
    const key = kind.group + ':' + it.group;
    let g = groups.get(key);
    if (!g) {
      g = element('div', { role: kind.group, id: 'obole-a11y-' + kind.group + '-' + it.group });
      g.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%;margin:0;padding:0';
      groups.set(key, g);
    }
    // A combo's list is named after the combo that opened it; a table's rows,
    // after the tab or screen they are on.
    if (kind.group === 'listbox') setAttr(g, 'aria-label', it.role === 'option' ? names.combo : names.list);
    if (kind.group === 'tablist') setAttr(g, 'aria-label', names.tablist);
    return g;
  }

  // Puts `children` into `parent` in this order, moving only what is out of place.
  function arrange(parent, children) {
    let ref = parent.firstChild;
    for (const child of children) {
      if (child === ref) {
        ref = ref.nextSibling;
      } else {
        parent.insertBefore(child, ref);
      }
    }
    while (ref) {
      const next = ref.nextSibling;
      parent.removeChild(ref);
      ref = next;
    }
  }

  // Canvas pixels (ImGui's coordinates) to CSS pixels: never assumed 1:1.
  function layout(d) {
    const canvas = module() && module().canvas;
    if (!canvas) return;
    const rect = canvasRect || (canvasRect = canvas.getBoundingClientRect());
    const width = d.dw || canvas.width;
    const scale = width > 0 ? rect.width / width : 1;
    root.style.left = rect.left + 'px';
    root.style.top = rect.top + 'px';
    root.style.width = rect.width + 'px';
    root.style.height = rect.height + 'px';
    for (const it of d.items) {
      const el = nodes.get(it.id);
      if (!el) continue;
      // An item scrolled out of its window has no size: a pixel at its place.
      // Only what moved is written: a scrolled list moves its rows, not the rest.
      const box = (it.x * scale) + ',' + (it.y * scale) + ',' + Math.max(it.w * scale, 1) + ',' + Math.max(it.h * scale, 1);
      if (el.oboleBox === box) continue;
      el.oboleBox = box;
      el.style.left = (it.x * scale) + 'px';
      el.style.top = (it.y * scale) + 'px';
      el.style.width = Math.max(it.w * scale, 1) + 'px';
      el.style.height = Math.max(it.h * scale, 1) + 'px';
    }
  }

  function update(json) {
    ensureRoot();
    const d = JSON.parse(json);
    last = d;
    const current = d.items.find((it) => it.role === 'navbutton' && it.current);
    const heading = d.items.find((it) => it.role === 'heading');
    const screen = current ? current.name : heading ? heading.name : 'Obole';
    // The innermost tab shown (a dossier's family, then the tab inside it).
    const tab = d.items.filter((it) => it.role === 'tab' && it.selected).pop();
    const combo = d.items.find((it) => it.role === 'combobox' && it.expanded);
    const names = { screen, list: tab ? tab.name : screen, combo: combo ? combo.name : screen };
    setAttr(mainLand, 'aria-label', screen);
    setAttr(root, 'lang', d.lang || null);
    setAttr(navLand, 'aria-label', d.screens || 'Screens');
    setAttr(footer, 'aria-label', d.statusLine || 'Status line');

    const seen = new Set();
    const placed = { nav: [], main: [], status: [] };
    const members = new Map();  // group container -> its items
    // A tab bar inside a tab is named after the tab it is in.
    let tabBar = null, selectedTab = null;
    names.tablist = screen;
    for (const it of d.items) {
      const kind = ROLES[it.role];
      if (!kind || seen.has(it.id)) continue;
      seen.add(it.id);
      if (it.role === 'tab') {
        if (tabBar !== it.group) {
          if (tabBar !== null && selectedTab) names.tablist = selectedTab;
          tabBar = it.group;
        }
        if (it.selected) selectedTab = it.name;
      }
      const el = nodeFor(it, kind);
      describe(el, it, kind);
      if (kind.group) {
        const g = groupFor(kind, it, names);
        if (!members.has(g)) {
          members.set(g, []);
          placed.main.push(g);
        }
        members.get(g).push(el);
      } else {
        placed[kind.place || 'main'].push(el);
      }
    }
    for (const [g, children] of members) arrange(g, children);
    for (const [key, g] of groups) if (!members.has(g)) groups.delete(key);
    arrange(navLand, placed.nav);
    arrange(mainLand, placed.main);
    arrange(statusRegion, placed.status);
    for (const [id, el] of nodes) if (!seen.has(id)) nodes.delete(id);
    // An open combo controls its list.
    if (combo) {
      const list = groups.get('listbox:' + (d.items.find((it) => it.role === 'option') || {}).group);
      setAttr(nodes.get(combo.id), 'aria-controls', list ? list.id : null);
    }
    for (const it of d.items) if (it.role === 'combobox' && !it.expanded) setAttr(nodes.get(it.id), 'aria-controls', null);
    layout(d);
    followFocus(d);
  }

  // DOM focus follows ImGui's keyboard focus. While a text field is edited the
  // hidden text input (app/platform/text_input.cpp) holds focus: it is left
  // there, and named after the field so a screen reader says what is typed in.
  function followFocus(d) {
    const M = module();
    const input = window.oboleTextInput;
    if (input) {
      const field = d.typing ? d.items.find((it) => it.id === d.typing) : null;
      setAttr(input, 'aria-label', field ? field.name : null);
      setAttr(input, 'aria-hidden', field ? null : 'true');
    }
    if (!d.keyboard || !d.nav || d.typing) return;
    const el = nodes.get(d.nav);
    if (!el || !el.hasAttribute('tabindex') || document.activeElement === el) return;
    const active = document.activeElement;
    const free = !active || active === document.body || active === M.canvas || active === input || root.contains(active);
    if (!free) return;
    focusing = true;
    try {
      el.focus({ preventScroll: true });
    } finally {
      focusing = false;
    }
  }

  window.oboleA11yOverlay = { update };
})();

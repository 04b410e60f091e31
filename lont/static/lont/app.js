// Small progressive enhancements; everything works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    const form = select.form;
    form.querySelectorAll(".lont-js-hidden").forEach((el) => el.classList.add("lont-js-active"));
    select.addEventListener("change", () => form.requestSubmit());
  });
  // Scrollable tables must be reachable by keyboard (WCAG 2.1.1), named by their caption.
  document.querySelectorAll(".lont-table-wrap:not([tabindex])").forEach((wrap) => {
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    const caption = wrap.querySelector("caption");
    if (!wrap.hasAttribute("aria-label")) {
      wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : document.documentElement.lang === "en" ? "Table" : "Tabel");
    }
  });
  // The main menu is a disclosure: open on wide screens, folded behind "Menu" on narrow ones.
  const narrow = window.matchMedia("(max-width: 48em)");
  document.querySelectorAll("details[data-nav-menu]").forEach((menu) => {
    menu.open = !narrow.matches;
  });
  // A text field with suggestions (WAI-ARIA combobox with a listbox): htmx fills the list as
  // the user types; arrows move through it, Enter or a click chooses, Escape closes. Without
  // JavaScript the typed text is sent and the page offers the matching groups in a select.
  document.querySelectorAll("[data-combobox]").forEach(setUpCombobox);
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
  });
  // Forms (NL Design System / GOV.UK pattern): the error summary gets the focus after a
  // submit, so a screen reader reads it first and its links lead to each field.
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
  // A counter under every bounded text area: how many characters are left.
  const nl = document.documentElement.lang !== "en";
  document.querySelectorAll("textarea[maxlength]").forEach((area) => {
    const max = Number(area.getAttribute("maxlength"));
    const counter = document.createElement("p");
    counter.className = "lont-counter";
    counter.id = `${area.id || area.name}-counter`;
    counter.setAttribute("aria-live", "polite");
    const update = () => {
      const left = max - area.value.length;
      counter.textContent = nl
        ? `Nog ${left} ${left === 1 ? "teken" : "tekens"} van de ${max}`
        : `${left} ${left === 1 ? "character" : "characters"} left of ${max}`;
      counter.classList.toggle("lont-counter--low", left < max / 10);
    };
    area.insertAdjacentElement("afterend", counter);
    area.addEventListener("input", update);
    update();
  });
  // Too large to send: say so before the browser sends it, so nothing typed is lost (the
  // server would answer with its Dutch 400 page and the form would be gone).
  const limit = Number(document.body.dataset.maxRequestBytes || 0);
  document.querySelectorAll("form[method='post'], form[method='POST']").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!limit) return;
      let size = 0;
      for (const [, value] of new FormData(form)) {
        if (typeof value === "string") size += new Blob([value]).size;
      }
      if (size <= limit) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      let alert = form.querySelector(".lont-too-large");
      if (!alert) {
        alert = document.createElement("div");
        alert.className = "utrecht-alert utrecht-alert--error lont-too-large";
        alert.setAttribute("role", "alert");
        alert.tabIndex = -1;
        form.prepend(alert);
      }
      const mb = (limit / 1048576).toFixed(1).replace(".", nl ? "," : ".");
      alert.textContent = nl
        ? `Dit is te groot om te versturen (meer dan ${mb} MB). Maak de tekst korter; wat u invulde staat er nog.`
        : `This is too large to send (more than ${mb} MB). Shorten the text; what you entered is still here.`;
      alert.focus();
    }, true);
  });
});

function setUpCombobox(field) {
  const input = field.querySelector("[role=combobox]");
  const list = field.querySelector("[role=listbox]");
  const value = field.querySelector("[data-combobox-value]");
  field.querySelectorAll("[data-combobox-fallback]").forEach((el) => el.remove());
  const options = () => Array.from(list.querySelectorAll("[role=option]:not([aria-disabled=true])"));
  const active = () => list.querySelector("[aria-selected=true]");
  const open = (show) => {
    list.hidden = !show;
    input.setAttribute("aria-expanded", String(show));
    if (!show) input.removeAttribute("aria-activedescendant");
  };
  const highlight = (option) => {
    list.querySelectorAll("[aria-selected=true]").forEach((o) => o.setAttribute("aria-selected", "false"));
    if (!option) return input.removeAttribute("aria-activedescendant");
    option.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  };
  const chosen = field.querySelector("[data-combobox-chosen]");
  const choose = (option) => {
    if (chosen) {
      // A field of several: the choice becomes a checked box (unticking removes it).
      const id = `${input.id}-gekozen-${option.dataset.value}`;
      if (!document.getElementById(id)) {
        const item = document.createElement("li");
        const box = Object.assign(document.createElement("input"), {
          type: "checkbox", name: field.dataset.comboboxName, value: option.dataset.value, id, checked: true,
        });
        box.className = "utrecht-checkbox utrecht-checkbox--html-input";
        const label = Object.assign(document.createElement("label"), { htmlFor: id, textContent: option.textContent });
        label.className = "utrecht-form-label utrecht-form-label--checkbox";
        item.append(box, " ", label);
        chosen.append(item);
      }
      input.value = "";
    } else {
      input.value = option.textContent;
      value.value = option.dataset.value;
    }
    open(false);
  };
  // What is typed no longer names the chosen row: the choice is gone until a new one.
  input.addEventListener("input", () => { if (value) value.value = ""; });
  // An emptied field asks for nothing (no groups read, nor logged, that nobody looks for).
  input.addEventListener("htmx:beforeRequest", (event) => {
    if (input.value.trim() !== "") return;
    event.preventDefault();
    list.replaceChildren();
    open(false);
  });
  const status = field.querySelector("[data-combobox-status]");
  const nl = document.documentElement.lang !== "en";
  list.addEventListener("htmx:afterSwap", () => {
    open(list.children.length > 0 && input.value.trim() !== "");
    // Say how many were found (WCAG 4.1.3), so a screen reader user knows to use the arrows.
    const n = options().length;
    if (status) {
      const one = field.dataset.comboboxFoundOne || (nl ? "groep" : "group");
      const many = field.dataset.comboboxFoundMany || (nl ? "groepen" : "groups");
      status.textContent = nl ? `${n} ${n === 1 ? one : many} gevonden` : `${n} ${n === 1 ? one : many} found`;
    }
  });
  list.addEventListener("mousedown", (event) => event.preventDefault()); // keep the focus in the field
  list.addEventListener("click", (event) => {
    const option = event.target.closest("[role=option]:not([aria-disabled=true])");
    if (option) choose(option);
  });
  input.addEventListener("keydown", (event) => {
    const all = options();
    const index = all.indexOf(active());
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length) return;
      event.preventDefault();
      open(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      highlight(all[(index + step + all.length) % all.length]);
    } else if (event.key === "Enter" && !list.hidden && index >= 0) {
      event.preventDefault(); // choose, don't submit yet
      choose(all[index]);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      open(false);
    }
  });
  input.addEventListener("blur", () => open(false));
}

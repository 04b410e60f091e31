// Small progressive enhancements; everything works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    const form = select.form;
    form.querySelectorAll(".lont-js-hidden").forEach((el) => el.classList.add("lont-js-active"));
    select.addEventListener("change", () => form.requestSubmit());
  });
  // Scrollable tables must be reachable by keyboard (WCAG 2.1.1).
  document.querySelectorAll(".lont-table-wrap:not([tabindex])").forEach((wrap) => {
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    if (!wrap.hasAttribute("aria-label")) wrap.setAttribute("aria-label", "Tabel");
  });
  // The main menu is a disclosure: open on wide screens, folded behind "Menu" on narrow ones.
  const narrow = window.matchMedia("(max-width: 48em)");
  document.querySelectorAll("details[data-nav-menu]").forEach((menu) => {
    menu.open = !narrow.matches;
  });
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
  });
});

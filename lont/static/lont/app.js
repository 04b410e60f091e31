// Small progressive enhancements; everything works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    const form = select.form;
    form.querySelectorAll(".lont-js-hidden").forEach((el) => el.classList.add("lont-js-active"));
    select.addEventListener("change", () => form.requestSubmit());
  });
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
  });
});

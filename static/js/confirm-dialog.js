// Archiving asks first. Without JavaScript the question is a page of its own; with it, htmx puts that
// page's question into the <dialog> and this opens it as a modal (htmx itself runs no inline code).
document.addEventListener("htmx:afterSwap", (event) => {
  const dialog = event.detail.target;
  if (dialog instanceof HTMLDialogElement && !dialog.open) {
    dialog.showModal();
  }
});

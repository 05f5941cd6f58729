import { useEffect, useRef, type RefObject } from "react";

/**
 * Opens and closes a native <dialog> as a modal when `open` changes; `onOpen` runs just before
 * it shows (to reset the dialog's fields). Returns the ref for the <dialog>.
 */
export function useModalDialog(open: boolean, onOpen?: () => void): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  const opening = useRef(onOpen);
  opening.current = onOpen;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opening.current?.();
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open]);
  return dialog;
}

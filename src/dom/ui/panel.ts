/**
 * The inline panel the picker and the dispute dialog share: a non-modal `role="dialog"` right
 * after the field it is about, labelled by its question, closed by Escape or its cancel
 * button, giving the focus back to the button that opened it. Built with `textContent` only:
 * values from sources stay text, whatever they hold. Styled by `oncefill.css` (`.oncefill-panel`).
 */
import type { PanelStrings } from './types.js';

/** The panels' words, Vietnamese and English. */
export const PANEL_STRINGS: { readonly vi: PanelStrings; readonly en: PanelStrings } = {
  vi: {
    pick: 'Chọn giá trị đúng cho “{field}”',
    use: 'Dùng giá trị này',
    cancel: 'Huỷ',
    reason: 'Vì sao “{field}” sai? Cán bộ tiếp nhận sẽ đối chiếu lại. Xin đừng ghi số giấy tờ.',
    unlock: 'Báo sai và tự sửa',
    reasonNeeded: 'Xin ghi ngắn gọn lý do.',
  },
  en: {
    pick: 'Choose the right value for “{field}”',
    use: 'Use this value',
    cancel: 'Cancel',
    reason: 'Why is “{field}” wrong? The officer will check it again. Please leave out document numbers.',
    unlock: 'Report and correct it',
    reasonNeeded: 'Please give a short reason.',
  },
};

let panels = 0;

/** `document.createElement` with a class and text. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, name: string, parent?: Element, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = `oncefill-${name}`;
  if (text !== undefined) node.textContent = text;
  if (tag === 'button') (node as HTMLButtonElement).type = 'button';
  parent?.append(node);
  return node;
}

export interface Panel {
  box: HTMLElement;
  id: string;
  /** Adds the confirm and cancel buttons. */
  actions(confirm: string, onConfirm: () => void): void;
  close(): void;
}

/** Opens a panel after `after`, labelled by `question`. */
export function openPanel(after: Element, question: string, strings: PanelStrings, back: HTMLElement, labelTag: 'p' | 'label' = 'p'): Panel {
  const id = `oncefill-panel-${++panels}`;
  const box = h('section', 'panel');
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-labelledby', id);
  const title = h(labelTag, 'panel-title', box, question);
  title.id = id;
  const close = () => {
    if (!box.isConnected) return;
    const hadFocus = box.contains(document.activeElement);
    box.remove();
    if (hadFocus || document.activeElement === document.body) back.focus();
  };
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      // Escape closes this panel, not whatever the page does with it.
      event.preventDefault();
      close();
    }
  });
  after.after(box);
  return {
    box,
    id,
    actions(confirm, onConfirm) {
      const row = h('div', 'panel-actions', box);
      h('button', 'panel-confirm', row, confirm).addEventListener('click', onConfirm);
      h('button', 'panel-cancel', row, strings.cancel).addEventListener('click', close);
    },
    close,
  };
}

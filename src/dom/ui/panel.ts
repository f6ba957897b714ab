/**
 * The inline panel the picker, the dispute dialog and the source prompts share: a non-modal `role="dialog"` (or `form`) right
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
    consent: 'Cho phép lấy thông tin từ {source}?',
    consentFields: 'Thông tin này sẽ được điền sẵn: {fields}. Bạn vẫn có thể sửa.',
    agree: 'Đồng ý',
    decline: 'Không',
    code: 'Nhập mã xác thực đã gửi qua {channel}',
    codeWhy: '{source} cần mã này để gửi thông tin của bạn.',
    channels: { sms: 'SMS', email: 'thư điện tử', app: 'ứng dụng' },
    send: 'Xác nhận',
    codeNeeded: 'Xin nhập mã.',
    codeWrong: 'Mã chưa đúng. Xin nhập lại mã đã gửi.',
    unavailable: 'Chưa lấy được thông tin Nhà nước đã có về bạn. Bạn vẫn có thể tự nhập.',
  },
  en: {
    pick: 'Choose the right value for “{field}”',
    use: 'Use this value',
    cancel: 'Cancel',
    reason: 'Why is “{field}” wrong? The officer will check it again. Please leave out document numbers.',
    unlock: 'Report and correct it',
    reasonNeeded: 'Please give a short reason.',
    consent: 'Allow this form to get your details from {source}?',
    consentFields: 'It would fill in: {fields}. You can still change them.',
    agree: 'Agree',
    decline: 'No',
    code: 'Enter the verification code sent by {channel}',
    codeWhy: '{source} needs this code to send your details.',
    channels: { sms: 'SMS', email: 'e-mail', app: 'the app' },
    send: 'Confirm',
    codeNeeded: 'Please enter the code.',
    codeWrong: 'That code was not right. Please enter the code you were sent.',
    unavailable: 'Could not get what the state already holds about you. You can still type it in.',
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

/** Opens a panel after `after`, labelled by `question`; `onClose` hears every way it closes. */
export function openPanel(after: Element, question: string, strings: PanelStrings, back: HTMLElement, labelTag: 'p' | 'label' = 'p', onClose?: () => void): Panel {
  const id = `oncefill-panel-${++panels}`;
  const box = h('div', 'panel');
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-labelledby', id);
  const title = h(labelTag, 'panel-title', box, question);
  title.id = id;
  const close = () => {
    if (!box.isConnected) return;
    const hadFocus = box.contains(document.activeElement);
    box.remove();
    if (hadFocus || document.activeElement === document.body) back.focus();
    onClose?.();
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

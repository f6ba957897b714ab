import type { SourceId } from '../shared/protocol.js';

/**
 * The words a bound form shows. `{source}`, `{date}`, `{title}` and `{count}` are replaced
 * with text (never HTML); a portal overrides any of them with `strings`.
 */
export interface BindStrings {
  /** What each source is called. */
  sources: Record<SourceId, string>;
  /** The mark of a prefilled field: `Lấy từ {source}`. */
  from: string;
  /** Appended when the source says when it last changed the value. */
  updated: string;
  /** Appended on a locked field. */
  locked: string;
  /** The button that unlocks a locked field with a reason. */
  wrong: string;
  /** The mark of a field whose sources disagree, and its button. */
  conflict: string;
  /** Appended after the citizen disputed a value. */
  disputed: string;
  /** The status while sources answer. */
  loading: string;
  /** The notice when a source fails: the form stays editable. */
  failed: string;
  /** The mark of a dossier component that need not be uploaded. */
  reused: string;
  /** The mark of a component several earlier documents could stand in for, and its button. */
  documents: string;
  /** Closes the notice. */
  dismiss: string;
}

/** The binding's words in Vietnamese, the default (English loads with the on-demand UI). */
export const VI_BIND_STRINGS: BindStrings = {
    sources: {
      population: 'CSDL quốc gia về dân cư',
      results: 'Kho dữ liệu kết quả thủ tục hành chính',
      personal: 'Kho dữ liệu điện tử của bạn',
      business: 'CSDL quốc gia về đăng ký doanh nghiệp',
    },
    from: 'Lấy từ {source}',
    updated: ', cập nhật {date}',
    locked: '. Đã xác thực, không cần sửa.',
    wrong: 'Thông tin này sai?',
    conflict: 'Các nguồn ghi khác nhau ({count}): chọn giá trị đúng',
    disputed: '. Bạn đã báo thông tin này sai.',
    loading: 'Đang lấy thông tin Nhà nước đã có về bạn…',
    failed: 'Chưa lấy được thông tin từ {source}. Bạn vẫn có thể tự nhập.',
    reused: 'Không cần nộp: đã có {title} trong kho dữ liệu.',
    documents: 'Có {count} giấy tờ trong kho dữ liệu dùng được: chọn một để khỏi nộp',
    dismiss: 'Đóng thông báo',
  };

/** Fills `{name}` placeholders with text. */
export const fill = (template: string, values: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

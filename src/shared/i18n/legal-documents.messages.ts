/** Messages of the legal-documents module (src/server/modules/legal-documents). */
export const legalDocumentsMessages = {
  vi: {
    'legal_document.bad_number': 'Số, ký hiệu văn bản phải có chữ số, ví dụ 9737/QĐ-UBND hoặc 05-NQ/TW.',
    'legal_document.effective_to_before_from': 'Ngày hết hiệu lực không được trước ngày có hiệu lực.',
    'legal_document.number_is_national': 'Văn bản số {number} đã có trong danh mục văn bản trung ương dùng chung cho các tỉnh.',
    'legal_document.number_in_province': 'Tỉnh đã có văn bản số {number} của riêng tỉnh; sửa hoặc xóa văn bản đó trước khi thêm văn bản trung ương cùng số.',
    'legal_document.self_relation': 'Một văn bản không thể liên kết với chính nó.',
    'legal_document.duplicate_relation': 'Hai văn bản này đã có quan hệ "{kind}".',
    'legal_document.used_by_other_provinces': 'Không thể xóa văn bản trung ương {number}: văn bản của tỉnh khác đang liên kết tới văn bản này.',
  },
  en: {
    'legal_document.bad_number': 'A document number has digits, e.g. 9737/QĐ-UBND or 05-NQ/TW.',
    'legal_document.effective_to_before_from': 'The end of validity cannot be before its start.',
    'legal_document.number_is_national': 'Document {number} is already in the national register shared by every province.',
    'legal_document.number_in_province': "The province has its own document {number}; change or delete it before adding a national document with that number.",
    'legal_document.self_relation': 'A document cannot be related to itself.',
    'legal_document.duplicate_relation': 'These two documents already have the relation "{kind}".',
    'legal_document.used_by_other_provinces': "National document {number} cannot be deleted: other provinces' documents relate to it.",
  },
} as const;

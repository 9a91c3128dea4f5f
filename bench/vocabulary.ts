// Word lists for the synthetic content root: real administrative Vietnamese of the Ministry of
// Industry and Trade's fields, as communes, provinces and the ministry write it. Sentences are built
// from these by bench/generate.ts. Text only: nothing here is an actual answer.

export interface FieldSpec {
  id: string;
  name: string;
  nameEn: string;
  description: string;
  reviewMonths?: number;
  /** Share of the entries in this field (relative weight). */
  weight: number;
  topics: string[];
  /** Things the questions are about (noun phrases). */
  objects: string[];
  /** Actions on those things (verb phrases taking an object). */
  actions: string[];
  /** Situations an officer meets ("khi ..."). */
  situations: string[];
  /** Tags and search words. */
  tags: string[];
  /** Ministry-level department owning the field. */
  department: { id: string; name: string; email: string };
  /** Legal documents of the field's register. */
  documents: { id: string; number: string; title: string; issued: string }[];
}

export const FIELDS: FieldSpec[] = [
  {
    id: 'dien-luc',
    name: 'Điện lực',
    nameEn: 'Electricity',
    description: 'Bảo vệ an toàn công trình điện, hành lang an toàn lưới điện, mua bán điện, phương án ứng phó thiên tai hạ du thủy điện.',
    weight: 16,
    topics: ['Bảo vệ công trình điện', 'Mua bán, sử dụng điện', 'Thủy điện và an toàn đập', 'Điện mặt trời mái nhà', 'Kiểm tra hoạt động điện lực'],
    objects: [
      'hành lang an toàn lưới điện cao áp', 'công trình nhà ở dưới đường dây trung thế', 'giấy phép hoạt động điện lực', 'hệ thống điện mặt trời mái nhà',
      'hợp đồng mua bán điện sinh hoạt', 'công tơ điện của hộ gia đình', 'phương án ứng phó thiên tai hạ du đập thủy điện', 'cột điện bị nghiêng sau bão',
      'hành vi trộm cắp điện', 'giá bán lẻ điện cho người thuê nhà', 'trạm biến áp phân phối', 'lưới điện nông thôn', 'cây xanh trong hành lang lưới điện',
      'quy trình vận hành hồ chứa thủy điện', 'thông báo xả lũ của nhà máy thủy điện', 'sự cố mất điện diện rộng',
    ],
    actions: ['cấp', 'gia hạn', 'thu hồi', 'kiểm tra', 'thẩm định', 'phê duyệt', 'xử lý vi phạm về', 'tiếp nhận phản ánh về', 'hướng dẫn', 'báo cáo về', 'giám sát'],
    situations: [
      'người dân xây nhà lấn vào hành lang an toàn lưới điện', 'đường dây điện bị đứt sau mưa bão', 'chủ nhà trọ thu tiền điện cao hơn giá quy định',
      'nhà máy thủy điện xả lũ vào ban đêm', 'hộ gia đình lắp điện mặt trời nhưng chưa thông báo', 'phát hiện câu móc điện trái phép', 'cây trồng chạm vào đường dây trung thế',
    ],
    tags: ['điện', 'lưới điện', 'hành lang an toàn', 'thủy điện', 'giá điện', 'điện mặt trời', 'an toàn điện'],
    department: { id: 'cuc-dien-luc', name: 'Cục Điện lực', email: 'cucdienluc@moit.gov.vn' },
    documents: [
      { id: 'luat-dien-luc-2024', number: 'Luật Điện lực số 61/2024/QH15', title: 'Luật Điện lực', issued: '2024-11-30' },
      { id: 'nd-62-2025', number: '62/2025/NĐ-CP', title: 'Quy định chi tiết thi hành Luật Điện lực về bảo vệ công trình điện lực và an toàn trong lĩnh vực điện lực', issued: '2025-03-04' },
      { id: 'nd-133-2026', number: '133/2026/NĐ-CP', title: 'Quy định xử phạt vi phạm hành chính trong lĩnh vực điện lực', issued: '2026-04-15' },
      { id: 'nd-114-2018', number: '114/2018/NĐ-CP', title: 'Về quản lý an toàn đập, hồ chứa nước', issued: '2018-09-04' },
      { id: 'tt-60-2025', number: '60/2025/TT-BCT', title: 'Quy định về thực hiện giá bán điện', issued: '2025-11-20' },
    ],
  },
  {
    id: 'hoa-chat',
    name: 'Hóa chất',
    nameEn: 'Chemicals',
    description: 'Sản xuất, kinh doanh, sử dụng hóa chất; phòng ngừa, ứng phó sự cố hóa chất; tiền chất công nghiệp.',
    weight: 10,
    topics: ['Kinh doanh hóa chất', 'Sự cố hóa chất', 'Tiền chất công nghiệp', 'Vật liệu nổ công nghiệp'],
    objects: [
      'giấy chứng nhận đủ điều kiện sản xuất, kinh doanh hóa chất', 'kế hoạch phòng ngừa, ứng phó sự cố hóa chất', 'kho chứa hóa chất nguy hiểm', 'phiếu an toàn hóa chất',
      'tiền chất công nghiệp', 'biện pháp phòng ngừa sự cố hóa chất', 'hóa chất hạn chế sản xuất, kinh doanh', 'hoạt động vận chuyển hóa chất nguy hiểm',
      'cửa hàng bán lẻ thuốc bảo vệ thực vật', 'vật liệu nổ công nghiệp', 'sổ theo dõi xuất nhập hóa chất',
    ],
    actions: ['cấp', 'điều chỉnh', 'thu hồi', 'thẩm định', 'phê duyệt', 'kiểm tra', 'xử phạt vi phạm về', 'tiếp nhận khai báo', 'hướng dẫn xây dựng', 'diễn tập'],
    situations: [
      'xảy ra rò rỉ hóa chất tại cơ sở sản xuất', 'cơ sở kinh doanh hóa chất không có giấy chứng nhận', 'xe chở hóa chất gặp tai nạn trên địa bàn',
      'người dân phản ánh mùi hóa chất nồng nặc', 'phát hiện kho chứa hóa chất không bảo đảm khoảng cách an toàn',
    ],
    tags: ['hóa chất', 'sự cố hóa chất', 'tiền chất', 'kho hóa chất', 'an toàn hóa chất'],
    department: { id: 'cuc-hoa-chat', name: 'Cục Hóa chất', email: 'cuchoachat@moit.gov.vn' },
    documents: [
      { id: 'luat-hoa-chat-2025', number: 'Luật Hóa chất số 69/2025/QH15', title: 'Luật Hóa chất', issued: '2025-06-14' },
      { id: 'nd-113-2017', number: '113/2017/NĐ-CP', title: 'Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Hóa chất', issued: '2017-10-09' },
      { id: 'nd-26-2026', number: '26/2026/NĐ-CP', title: 'Quy định chi tiết một số điều của Luật Hóa chất về quản lý hoạt động hóa chất', issued: '2026-01-16' },
      { id: 'nd-71-2019', number: '71/2019/NĐ-CP', title: 'Quy định xử phạt vi phạm hành chính trong lĩnh vực hóa chất và vật liệu nổ công nghiệp', issued: '2019-08-30' },
    ],
  },
  {
    id: 'an-toan-thuc-pham',
    name: 'An toàn thực phẩm',
    nameEn: 'Food safety',
    description: 'An toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm thuộc phạm vi quản lý của ngành Công Thương.',
    weight: 14,
    topics: ['Cấp giấy chứng nhận cơ sở đủ điều kiện', 'Kiểm tra, xử lý vi phạm', 'Ngộ độc thực phẩm', 'Chợ và kinh doanh nhỏ lẻ'],
    objects: [
      'giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'bản cam kết bảo đảm an toàn thực phẩm', 'cơ sở sản xuất rượu thủ công', 'cơ sở sản xuất bánh kẹo nhỏ lẻ',
      'thực phẩm không rõ nguồn gốc xuất xứ', 'hồ sơ tự công bố sản phẩm', 'mẫu thực phẩm lấy để kiểm nghiệm', 'quầy kinh doanh thực phẩm tại chợ',
      'cơ sở kinh doanh dịch vụ ăn uống', 'bếp ăn tập thể của doanh nghiệp', 'sản phẩm OCOP của hợp tác xã', 'nhãn hàng hóa thực phẩm bao gói sẵn',
    ],
    actions: ['cấp', 'cấp lại', 'thu hồi', 'kiểm tra', 'hậu kiểm', 'xử phạt vi phạm về', 'tiếp nhận', 'lấy mẫu kiểm nghiệm', 'hướng dẫn', 'thống kê'],
    situations: [
      'xảy ra ngộ độc thực phẩm tại đám cưới', 'cơ sở sản xuất giò chả dùng hàn the', 'chợ bán thực phẩm không rõ nguồn gốc', 'hộ kinh doanh chưa ký bản cam kết',
      'người dân phản ánh rượu có dấu hiệu pha methanol', 'đoàn kiểm tra liên ngành phát hiện bánh trung thu hết hạn',
    ],
    tags: ['an toàn thực phẩm', 'ATTP', 'ngộ độc', 'giấy chứng nhận', 'hậu kiểm', 'rượu thủ công'],
    department: { id: 'vu-khoa-hoc-cong-nghe', name: 'Vụ Khoa học và Công nghệ', email: 'vukhcn@moit.gov.vn' },
    documents: [
      { id: 'luat-attp-2010', number: 'Luật An toàn thực phẩm số 55/2010/QH12', title: 'Luật An toàn thực phẩm', issued: '2010-06-17' },
      { id: 'nd-15-2018', number: '15/2018/NĐ-CP', title: 'Quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm', issued: '2018-02-02' },
      { id: 'nd-17-2020', number: '17/2020/NĐ-CP', title: 'Sửa đổi, bổ sung một số điều của các Nghị định liên quan đến điều kiện đầu tư kinh doanh thuộc lĩnh vực quản lý nhà nước của Bộ Công Thương', issued: '2020-02-05' },
      { id: 'nd-115-2018', number: '115/2018/NĐ-CP', title: 'Quy định xử phạt vi phạm hành chính về an toàn thực phẩm', issued: '2018-09-04' },
    ],
  },
  {
    id: 'quan-ly-thi-truong',
    name: 'Quản lý thị trường',
    nameEn: 'Market surveillance',
    description: 'Chống buôn lậu, hàng giả, gian lận thương mại; phối hợp với lực lượng quản lý thị trường trên địa bàn.',
    weight: 14,
    topics: ['Hàng giả, hàng nhập lậu', 'Gian lận thương mại', 'Phối hợp kiểm tra', 'Xử phạt vi phạm hành chính'],
    objects: [
      'hàng hóa nhập lậu không có hóa đơn chứng từ', 'hàng giả mạo nhãn hiệu', 'biên bản vi phạm hành chính', 'tang vật vi phạm bị tạm giữ', 'quyết định xử phạt vi phạm hành chính',
      'hoạt động kinh doanh hàng cấm', 'cân đo không bảo đảm đo lường', 'niêm yết giá hàng hóa', 'kho hàng của hộ kinh doanh', 'phương tiện vận chuyển hàng lậu',
      'đoàn kiểm tra liên ngành', 'thuốc lá điếu nhập lậu', 'phân bón giả kém chất lượng',
    ],
    actions: ['lập biên bản về', 'tạm giữ', 'tịch thu', 'tiêu hủy', 'xử phạt', 'kiểm tra', 'phối hợp xử lý', 'chuyển hồ sơ về', 'tiếp nhận tin báo về', 'thống kê'],
    situations: [
      'phát hiện xe tải chở thuốc lá lậu qua địa bàn xã', 'hộ kinh doanh bán hàng giả nhãn hiệu nổi tiếng', 'người bán không niêm yết giá trong dịp Tết',
      'cân của tiểu thương tại chợ bị phản ánh thiếu', 'đại lý bán phân bón không rõ nguồn gốc cho nông dân',
    ],
    tags: ['quản lý thị trường', 'QLTT', 'hàng giả', 'hàng lậu', 'gian lận thương mại', 'xử phạt'],
    department: { id: 'cuc-quan-ly-thi-truong', name: 'Cục Quản lý và Phát triển thị trường trong nước', email: 'cucqlptttn@moit.gov.vn' },
    documents: [
      { id: 'pl-qltt-2016', number: 'Pháp lệnh Quản lý thị trường số 11/2016/UBTVQH13', title: 'Pháp lệnh Quản lý thị trường', issued: '2016-03-08' },
      { id: 'luat-xlvphc-2012', number: 'Luật Xử lý vi phạm hành chính số 15/2012/QH13', title: 'Luật Xử lý vi phạm hành chính', issued: '2012-06-20' },
      { id: 'nd-98-2020', number: '98/2020/NĐ-CP', title: 'Quy định xử phạt vi phạm hành chính trong hoạt động thương mại, sản xuất, buôn bán hàng giả, hàng cấm và bảo vệ quyền lợi người tiêu dùng', issued: '2020-08-26' },
      { id: 'nd-17-2022', number: '17/2022/NĐ-CP', title: 'Sửa đổi, bổ sung một số điều của các Nghị định quy định xử phạt vi phạm hành chính lĩnh vực hóa chất, vật liệu nổ công nghiệp, điện lực, thương mại', issued: '2022-01-31' },
    ],
  },
  {
    id: 'thuong-mai',
    name: 'Thương mại nội địa',
    nameEn: 'Domestic trade',
    description: 'Bán lẻ rượu, thuốc lá; chợ, siêu thị, trung tâm thương mại; kinh doanh có điều kiện tại địa phương.',
    weight: 14,
    topics: ['Giấy phép bán lẻ rượu', 'Giấy phép bán lẻ thuốc lá', 'Chợ, siêu thị', 'Khuyến mại, bình ổn thị trường'],
    objects: [
      'giấy phép bán lẻ rượu', 'giấy phép bán lẻ sản phẩm thuốc lá', 'giấy phép bán rượu tiêu dùng tại chỗ', 'quy hoạch mạng lưới chợ', 'phương án chuyển đổi mô hình quản lý chợ',
      'ban quản lý chợ xã', 'hoạt động khuyến mại', 'chương trình đưa hàng Việt về nông thôn', 'điểm bán hàng bình ổn giá', 'hộ kinh doanh bán rượu đóng chai', 'nội quy chợ',
    ],
    actions: ['cấp', 'cấp lại', 'sửa đổi, bổ sung', 'thu hồi', 'gia hạn', 'kiểm tra', 'phê duyệt', 'tiếp nhận hồ sơ', 'hướng dẫn', 'báo cáo tình hình'],
    situations: [
      'hộ kinh doanh tạp hóa muốn bán rượu đóng chai', 'quán ăn bán rượu cho khách uống tại chỗ', 'chợ xã xuống cấp cần cải tạo', 'giá thịt lợn tăng đột biến trước Tết',
      'cửa hàng tạp hóa bán thuốc lá cho người dưới 18 tuổi', 'giấy phép bán lẻ rượu hết hiệu lực sau khi sáp nhập xã',
    ],
    tags: ['rượu', 'thuốc lá', 'chợ', 'giấy phép', 'bán lẻ', 'khuyến mại', 'bình ổn giá'],
    department: { id: 'vu-thi-truong-trong-nuoc', name: 'Vụ Thị trường trong nước', email: 'vuttrn@moit.gov.vn' },
    documents: [
      { id: 'nd-105-2017', number: '105/2017/NĐ-CP', title: 'Về kinh doanh rượu', issued: '2017-09-14' },
      { id: 'nd-67-2013', number: '67/2013/NĐ-CP', title: 'Quy định chi tiết một số điều và biện pháp thi hành Luật Phòng, chống tác hại của thuốc lá về kinh doanh thuốc lá', issued: '2013-06-27' },
      { id: 'nd-60-2024', number: '60/2024/NĐ-CP', title: 'Về phát triển và quản lý chợ', issued: '2024-06-05' },
      { id: 'nd-81-2018', number: '81/2018/NĐ-CP', title: 'Quy định chi tiết Luật Thương mại về hoạt động xúc tiến thương mại', issued: '2018-05-22' },
      { id: 'nd-139-2025', number: '139/2025/NĐ-CP', title: 'Quy định phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Công Thương', issued: '2025-06-12' },
    ],
  },
  {
    id: 'xang-dau-khi',
    name: 'Xăng dầu và khí',
    nameEn: 'Petroleum and gas',
    description: 'Cửa hàng bán lẻ xăng dầu, kinh doanh khí dầu mỏ hóa lỏng (LPG), bảo đảm nguồn cung tại địa phương.',
    weight: 10,
    topics: ['Cửa hàng bán lẻ xăng dầu', 'Kinh doanh khí', 'Bảo đảm nguồn cung'],
    objects: [
      'giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu', 'cửa hàng bán lẻ xăng dầu', 'cửa hàng kinh doanh khí dầu mỏ hóa lỏng chai', 'trạm nạp LPG vào chai',
      'hóa đơn điện tử từng lần bán xăng dầu', 'tình trạng cây xăng ngừng bán hàng', 'chai LPG không rõ nguồn gốc', 'phương án bảo đảm cung ứng xăng dầu',
      'giấy chứng nhận đủ điều kiện thương nhân phân phối khí',
    ],
    actions: ['cấp', 'cấp lại', 'điều chỉnh', 'thu hồi', 'kiểm tra', 'xử phạt vi phạm về', 'theo dõi', 'báo cáo về', 'hướng dẫn'],
    situations: [
      'cây xăng treo biển hết hàng trong khi còn hàng', 'cửa hàng gas nhỏ lẻ chứa quá số chai cho phép', 'người dân phản ánh cây xăng bơm thiếu',
      'cửa hàng xăng dầu không xuất hóa đơn điện tử cho khách', 'cửa hàng xăng dầu cũ nằm sát trường học',
    ],
    tags: ['xăng dầu', 'cây xăng', 'LPG', 'khí hóa lỏng', 'gas', 'hóa đơn điện tử'],
    department: { id: 'vu-thi-truong-trong-nuoc', name: 'Vụ Thị trường trong nước', email: 'vuttrn@moit.gov.vn' },
    documents: [
      { id: 'nd-83-2014', number: '83/2014/NĐ-CP', title: 'Về kinh doanh xăng dầu', issued: '2014-09-03' },
      { id: 'nd-80-2023', number: '80/2023/NĐ-CP', title: 'Sửa đổi, bổ sung một số điều của Nghị định số 95/2021/NĐ-CP và Nghị định số 83/2014/NĐ-CP về kinh doanh xăng dầu', issued: '2023-11-17' },
      { id: 'nd-87-2018', number: '87/2018/NĐ-CP', title: 'Về kinh doanh khí', issued: '2018-06-15' },
    ],
  },
  {
    id: 'cong-nghiep-dia-phuong',
    name: 'Công nghiệp địa phương',
    nameEn: 'Local industry',
    description: 'Khuyến công, cụm công nghiệp, làng nghề, công nghiệp nông thôn và sản phẩm công nghiệp nông thôn tiêu biểu.',
    weight: 10,
    topics: ['Khuyến công', 'Cụm công nghiệp', 'Làng nghề', 'Sản phẩm công nghiệp nông thôn tiêu biểu'],
    objects: [
      'đề án khuyến công địa phương', 'kinh phí hỗ trợ máy móc thiết bị', 'cụm công nghiệp trên địa bàn', 'quy hoạch phát triển cụm công nghiệp', 'làng nghề truyền thống',
      'sản phẩm công nghiệp nông thôn tiêu biểu', 'cơ sở công nghiệp nông thôn', 'chủ đầu tư hạ tầng cụm công nghiệp', 'hồ sơ đề nghị hỗ trợ khuyến công', 'mô hình trình diễn kỹ thuật',
    ],
    actions: ['thẩm định', 'phê duyệt', 'đề xuất', 'hỗ trợ', 'nghiệm thu', 'thành lập', 'mở rộng', 'bình chọn', 'tổng hợp', 'hướng dẫn lập'],
    situations: [
      'hợp tác xã muốn được hỗ trợ mua máy móc', 'cơ sở làng nghề gây ô nhiễm môi trường', 'cụm công nghiệp chậm triển khai nhiều năm',
      'xã muốn đăng ký sản phẩm tham gia bình chọn cấp tỉnh', 'doanh nghiệp nhỏ đề nghị hỗ trợ xây dựng thương hiệu',
    ],
    tags: ['khuyến công', 'cụm công nghiệp', 'làng nghề', 'công nghiệp nông thôn', 'hỗ trợ'],
    department: { id: 'cuc-cong-nghiep', name: 'Cục Công nghiệp', email: 'cuccongnghiep@moit.gov.vn' },
    documents: [
      { id: 'nd-235-2025', number: '235/2025/NĐ-CP', title: 'Về khuyến công', issued: '2025-08-28' },
      { id: 'nd-32-2024', number: '32/2024/NĐ-CP', title: 'Về quản lý, phát triển cụm công nghiệp', issued: '2024-03-15' },
      { id: 'nd-52-2018', number: '52/2018/NĐ-CP', title: 'Về phát triển ngành nghề nông thôn', issued: '2018-04-12' },
    ],
  },
  {
    id: 'thuong-mai-dien-tu',
    name: 'Thương mại điện tử',
    nameEn: 'E-commerce',
    description: 'Bán hàng qua mạng, sàn giao dịch thương mại điện tử, bảo vệ người tiêu dùng trong giao dịch trực tuyến.',
    weight: 12,
    topics: ['Bán hàng qua mạng', 'Bảo vệ người tiêu dùng', 'Thanh toán và hóa đơn'],
    objects: [
      'website thương mại điện tử bán hàng', 'thông báo website với Bộ Công Thương', 'hoạt động livestream bán hàng', 'khiếu nại của người tiêu dùng', 'sàn giao dịch thương mại điện tử',
      'thông tin người bán trên mạng xã hội', 'hàng hóa bán qua mạng không rõ nguồn gốc', 'hợp đồng giao kết bằng phương tiện điện tử', 'quảng cáo sai sự thật trên mạng',
    ],
    actions: ['tiếp nhận', 'giải quyết', 'xác minh', 'kiểm tra', 'xử phạt vi phạm về', 'hướng dẫn đăng ký', 'tuyên truyền về', 'phối hợp gỡ bỏ'],
    situations: [
      'người dân mua hàng qua mạng nhận hàng không đúng mô tả', 'hộ kinh doanh bán đặc sản qua Facebook', 'người bán livestream hàng giả thương hiệu',
      'người tiêu dùng bị lừa chuyển khoản đặt cọc', 'hợp tác xã muốn đưa sản phẩm OCOP lên sàn thương mại điện tử',
    ],
    tags: ['thương mại điện tử', 'TMĐT', 'bán hàng online', 'người tiêu dùng', 'livestream', 'khiếu nại'],
    department: { id: 'cuc-thuong-mai-dien-tu', name: 'Cục Thương mại điện tử và Kinh tế số', email: 'cuctmdt@moit.gov.vn' },
    documents: [
      { id: 'luat-tmdt-2025', number: 'Luật Thương mại điện tử số 122/2025/QH15', title: 'Luật Thương mại điện tử', issued: '2025-12-10' },
      { id: 'nd-52-2013', number: '52/2013/NĐ-CP', title: 'Về thương mại điện tử', issued: '2013-05-16' },
      { id: 'luat-bvqlntd-2023', number: 'Luật Bảo vệ quyền lợi người tiêu dùng số 19/2023/QH15', title: 'Luật Bảo vệ quyền lợi người tiêu dùng', issued: '2023-06-20' },
    ],
  },
];

/** Provinces and cities after the 2025 arrangement (a selection). */
export const PROVINCES = [
  { id: 'nghe-an', name: 'Nghệ An', domain: 'nghean', phone: '0238' },
  { id: 'thanh-hoa', name: 'Thanh Hóa', domain: 'thanhhoa', phone: '0237' },
  { id: 'ha-tinh', name: 'Hà Tĩnh', domain: 'hatinh', phone: '0239' },
  { id: 'quang-tri', name: 'Quảng Trị', domain: 'quangtri', phone: '0233' },
  { id: 'lao-cai', name: 'Lào Cai', domain: 'laocai', phone: '0214' },
  { id: 'tuyen-quang', name: 'Tuyên Quang', domain: 'tuyenquang', phone: '0207' },
  { id: 'thai-nguyen', name: 'Thái Nguyên', domain: 'thainguyen', phone: '0208' },
  { id: 'phu-tho', name: 'Phú Thọ', domain: 'phutho', phone: '0210' },
  { id: 'ninh-binh', name: 'Ninh Bình', domain: 'ninhbinh', phone: '0229' },
  { id: 'dak-lak', name: 'Đắk Lắk', domain: 'daklak', phone: '0262' },
  { id: 'gia-lai', name: 'Gia Lai', domain: 'gialai', phone: '0269' },
  { id: 'an-giang', name: 'An Giang', domain: 'angiang', phone: '0296' },
  { id: 'dong-thap', name: 'Đồng Tháp', domain: 'dongthap', phone: '0277' },
  { id: 'ca-mau', name: 'Cà Mau', domain: 'camau', phone: '0290' },
];

/** Commune names (ward/commune after the 2025 arrangement), with their province index. */
export const COMMUNES: { id: string; name: string; kind: 'xã' | 'phường'; province: number }[] = [
  { id: 'hanh-lam', name: 'Hạnh Lâm', kind: 'xã', province: 0 },
  { id: 'dien-chau', name: 'Diễn Châu', kind: 'xã', province: 0 },
  { id: 'hoang-mai', name: 'Hoàng Mai', kind: 'phường', province: 0 },
  { id: 'tuong-duong', name: 'Tương Dương', kind: 'xã', province: 0 },
  { id: 'quang-xuong', name: 'Quảng Xương', kind: 'xã', province: 1 },
  { id: 'ngoc-lac', name: 'Ngọc Lặc', kind: 'xã', province: 1 },
  { id: 'sam-son', name: 'Sầm Sơn', kind: 'phường', province: 1 },
  { id: 'huong-khe', name: 'Hương Khê', kind: 'xã', province: 2 },
  { id: 'ky-anh', name: 'Kỳ Anh', kind: 'phường', province: 2 },
  { id: 'khe-sanh', name: 'Khe Sanh', kind: 'xã', province: 3 },
  { id: 'bat-xat', name: 'Bát Xát', kind: 'xã', province: 4 },
  { id: 'sa-pa', name: 'Sa Pa', kind: 'phường', province: 4 },
  { id: 'ham-yen', name: 'Hàm Yên', kind: 'xã', province: 5 },
  { id: 'dai-tu', name: 'Đại Từ', kind: 'xã', province: 6 },
  { id: 'thanh-ba', name: 'Thanh Ba', kind: 'xã', province: 7 },
  { id: 'kim-son', name: 'Kim Sơn', kind: 'xã', province: 8 },
  { id: 'buon-don', name: 'Buôn Đôn', kind: 'xã', province: 9 },
  { id: 'chu-se', name: 'Chư Sê', kind: 'xã', province: 10 },
  { id: 'tinh-bien', name: 'Tịnh Biên', kind: 'phường', province: 11 },
  { id: 'thap-muoi', name: 'Tháp Mười', kind: 'xã', province: 12 },
  { id: 'nam-can', name: 'Năm Căn', kind: 'xã', province: 13 },
  { id: 'u-minh', name: 'U Minh', kind: 'xã', province: 13 },
];

/** Syllables for place and business names, so the corpus has a realistic long tail of rare words. */
export const NAME_SYLLABLES = [
  'An', 'Bình', 'Cường', 'Dũng', 'Đông', 'Giang', 'Hà', 'Hải', 'Hòa', 'Hưng', 'Khánh', 'Lâm', 'Lợi', 'Minh', 'Nam', 'Ngọc', 'Nghĩa', 'Phát', 'Phong', 'Phú',
  'Phúc', 'Quang', 'Sơn', 'Tân', 'Thành', 'Thắng', 'Thịnh', 'Thuận', 'Tiến', 'Trung', 'Trường', 'Tuấn', 'Việt', 'Vinh', 'Xuân', 'Yên', 'Hồng', 'Kim', 'Long', 'Mỹ',
  'Đức', 'Gia', 'Hoàng', 'Huy', 'Khang', 'Lộc', 'Nhật', 'Quế', 'Thủy', 'Vân', 'Bảo', 'Châu', 'Đạt', 'Hạnh', 'Hiếu', 'Khoa', 'Linh', 'Mai', 'Nhung', 'Oanh',
];
export const VILLAGE_WORDS = ['thôn', 'xóm', 'bản', 'ấp', 'tổ dân phố', 'khối'];
export const BUSINESS_KINDS = ['Công ty TNHH', 'Công ty cổ phần', 'Hợp tác xã', 'Hộ kinh doanh', 'Doanh nghiệp tư nhân', 'Cơ sở sản xuất'];
export const BUSINESS_TRADES = ['Thương mại', 'Dịch vụ', 'Sản xuất', 'Xây dựng', 'Nông sản', 'Thực phẩm', 'Vật tư', 'Xăng dầu', 'Điện nước', 'Hóa chất'];

/** Who acts, by level. */
export const ACTORS = {
  commune: ['UBND cấp xã', 'Chủ tịch UBND xã', 'công chức kinh tế của xã', 'Phòng Kinh tế của UBND xã', 'bộ phận một cửa của xã', 'công chức địa chính - xây dựng xã', 'UBND phường'],
  province: ['Sở Công Thương', 'UBND cấp tỉnh', 'Chủ tịch UBND tỉnh', 'Chi cục Quản lý thị trường', 'Đội Quản lý thị trường', 'Sở Tài chính', 'Sở Nông nghiệp và Môi trường', 'Sở Y tế', 'Ban Quản lý các khu công nghiệp'],
  ministry: ['Bộ Công Thương', 'Cục Điện lực', 'Cục Hóa chất', 'Cục Công nghiệp', 'Cục Quản lý và Phát triển thị trường trong nước', 'Vụ Pháp chế'],
  other: ['tổ chức, cá nhân kinh doanh', 'hộ kinh doanh', 'doanh nghiệp', 'người dân', 'đơn vị điện lực', 'chủ đầu tư', 'thương nhân', 'người tiêu dùng', 'Công an xã', 'trưởng thôn'],
};

export const MODALS = ['có trách nhiệm', 'phải', 'được', 'chủ trì, phối hợp với {actor} để', 'không được', 'cần', 'có thẩm quyền', 'được giao', 'kịp thời'];

export const ADJUNCTS = [
  'theo quy định tại {doc}',
  'trong thời hạn {n} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ',
  'trên địa bàn quản lý',
  'sau khi có ý kiến bằng văn bản của {actor}',
  'và báo cáo kết quả về {actor}',
  'trước ngày {day} hằng năm',
  'theo mẫu ban hành kèm theo {doc}',
  'tại {place}',
  'khi có yêu cầu của cơ quan có thẩm quyền',
  'bảo đảm công khai, minh bạch',
  'đúng thẩm quyền và trình tự, thủ tục',
  'trong phạm vi nhiệm vụ, quyền hạn được giao',
  'kể từ ngày 01/7/2025',
  'theo hình thức trực tuyến hoặc trực tiếp',
  'qua Cổng Dịch vụ công quốc gia',
  'với mức phạt tiền từ {money} đến {money2}',
];

export const CONNECTORS = ['Theo đó,', 'Ngoài ra,', 'Trường hợp cần thiết,', 'Lưu ý:', 'Trên thực tế,', 'Đồng thời,', 'Sau khi sắp xếp đơn vị hành chính,', 'Cụ thể,', 'Tuy nhiên,', 'Vì vậy,'];

export const QUESTION_TEMPLATES = [
  '{Actor} có thẩm quyền {action} {object} không?',
  'Thủ tục {action} {object} tại {level} gồm những hồ sơ gì?',
  'Khi {situation}, {actor} phải làm gì?',
  'Khi {situation} thì xử lý thế nào, ai chịu trách nhiệm?',
  'Sau khi bỏ cấp huyện, ai {action} {object}?',
  'Thời hạn {action} {object} là bao lâu và nộp hồ sơ ở đâu?',
  '{Actor} có được {action} {object} khi chưa có hướng dẫn của {actor2} không?',
  'Xã {commune} hỏi: {situation} thì {actor} có được xử phạt không?',
  'Trình tự {action} {object} đối với {business} như thế nào?',
  'Mức phạt khi vi phạm quy định về {object} là bao nhiêu?',
  '{Actor} cần phối hợp với những cơ quan nào để {action} {object}?',
];

export const HEADINGS = ['Căn cứ pháp lý', 'Trình tự thực hiện', 'Thành phần hồ sơ', 'Thẩm quyền giải quyết', 'Thời hạn giải quyết', 'Những điểm cần lưu ý', 'Xử lý vi phạm', 'Trách nhiệm của cấp xã', 'Phối hợp giữa các cơ quan', 'Ví dụ thực tế'];

export const DOCUMENT_KINDS = ['Nghị định', 'Thông tư', 'Quyết định', 'Nghị quyết'];

/** Synonym groups over the generated vocabulary. */
export const SYNONYMS = [
  ['QLTT', 'quản lý thị trường'],
  ['UBND', 'ủy ban nhân dân'],
  ['ATTP', 'an toàn thực phẩm', 'vệ sinh an toàn thực phẩm'],
  ['TMĐT', 'thương mại điện tử', 'bán hàng online', 'bán hàng qua mạng'],
  ['hành lang an toàn lưới điện', 'hành lang lưới điện', 'hành lang điện'],
  ['thuốc lá', 'thuốc lá điếu', 'sản phẩm thuốc lá'],
  ['rượu', 'đồ uống có cồn'],
  ['hàng giả', 'hàng nhái'],
  ['xăng dầu', 'cây xăng', 'cửa hàng xăng dầu'],
  ['LPG', 'khí dầu mỏ hóa lỏng', 'gas'],
  ['sự cố hóa chất', 'rò rỉ hóa chất'],
  ['khuyến công', 'hỗ trợ phát triển công nghiệp nông thôn'],
];

/** Fixed search queries the benchmark runs (how officers type: mostly without diacritics). */
export const BENCH_QUERIES = [
  'giay phep ban le ruou',
  'hành lang an toàn lưới điện',
  'xu phat hang gia',
  'su co hoa chat',
  'cua hang xang dau hoa don dien tu',
  'ngo doc thuc pham dam cuoi',
  'cụm công nghiệp',
  'ban hang qua mang',
  'thuoc la nhap lau',
  'chợ xã xuống cấp',
  'dien mat troi mai nha',
  'khuyen cong ho tro may moc',
];

"""Every error hoso raises on purpose, in one family.

    HosoError                      code, HTTP status, Vietnamese message
    ├── BadInput                   the bytes themselves are wrong (400/422)
    │   ├── EmptyFile              0 bytes
    │   ├── UnsupportedType        a kind of file we do not read
    │   ├── CorruptFile            truncated or damaged beyond reading
    │   ├── EncryptedFile          PDF with a password / encryption we cannot open
    │   ├── PasswordProtected      Office file protected by a password
    │   ├── ArchiveUnsafe          ZIP bomb, too many entries, absolute or ".." paths
    │   ├── ImageTooLarge          decompression bomb: more pixels than allowed
    │   ├── FileTooLarge           more bytes than the configured limit
    │   ├── TooManyPages           absurd page count
    │   └── BadArchiveList         the CSV of an archive import is unreadable or incomplete
    ├── ProcessingFailed           our tools failed on good-looking input (500-ish, retried)
    │   ├── OcrTimeout             Tesseract ran past the per-page limit
    │   ├── OcrFailed              Tesseract crashed or returned garbage
    │   ├── ConversionFailed       LibreOffice could not convert a .doc/.rtf
    │   ├── StepTimeout            a worker's step ran past its time limit, every try
    │   └── WorkerLost             the worker reading a file died, every try (out of memory?)
    ├── ProfileError               a rule profile file is broken or unknown (names file and line)
    ├── NotFound                   no such dossier / file (404)
    ├── NotAuthenticated           no valid session or token (401)
    ├── Forbidden                  signed in, but the role or assignment does not allow it (403)
    │   └── CsrfFailed             a form sent with the session cookie lacks its CSRF token
    ├── TooManyAttempts            login throttled after repeated failures (429)
    └── Conflict                   the action contradicts the record's state (409)

Third-party exceptions are caught where the library is called and re-raised as one of these,
chained with ``from exc``. Code never matches on message text, only on ``code``.
The ``code`` strings are a stable contract: they appear in reports (``issues[].code``) and in
API error bodies.
"""

from __future__ import annotations


class HosoError(Exception):
    code = "error"
    status = 500
    message_vi = "Đã xảy ra lỗi."

    def __init__(self, detail: str | None = None, *, message: str | None = None) -> None:
        self.detail = detail
        self.message = message or self.message_vi
        super().__init__(f"{self.code}: {detail or self.message}")

    def as_problem(self) -> dict[str, str]:
        out = {"code": self.code, "message": self.message}
        if self.detail:
            out["detail"] = self.detail
        return out


class BadInput(HosoError):
    code = "bad_input"
    status = 422
    message_vi = "Tệp không hợp lệ."


class EmptyFile(BadInput):
    code = "empty_file"
    message_vi = "Tệp rỗng (0 byte)."


class UnsupportedType(BadInput):
    code = "unsupported_type"
    status = 415
    message_vi = "Loại tệp không được hỗ trợ (chỉ nhận PDF, DOCX, DOC, RTF, ảnh PNG/JPEG/TIFF, ZIP)."


class CorruptFile(BadInput):
    code = "corrupt_file"
    message_vi = "Tệp bị hỏng hoặc không đầy đủ, không đọc được."


class EncryptedFile(BadInput):
    code = "encrypted_pdf"
    message_vi = "Tệp PDF được mã hoá hoặc đặt mật khẩu; hãy gửi bản không có mật khẩu."


class PasswordProtected(BadInput):
    code = "password_protected"
    message_vi = "Tệp Word/Office được đặt mật khẩu; hãy gửi bản không có mật khẩu."


class ArchiveUnsafe(BadInput):
    code = "zip_unsafe"
    message_vi = "Tệp ZIP không an toàn."


class ZipBomb(ArchiveUnsafe):
    code = "zip_bomb"
    message_vi = "Tệp ZIP có tỷ lệ nén, số mục hoặc dung lượng giải nén vượt giới hạn."


class ZipPathUnsafe(ArchiveUnsafe):
    code = "zip_path_unsafe"
    message_vi = "Mục trong tệp ZIP có đường dẫn tuyệt đối hoặc chứa '..'; mục này bị bỏ qua."


class ImageTooLarge(BadInput):
    code = "image_too_large"
    message_vi = "Ảnh có số điểm ảnh quá lớn (nghi ngờ ảnh độc hại), không xử lý."


class FileTooLarge(BadInput):
    code = "file_too_large"
    status = 413
    message_vi = "Tệp vượt quá dung lượng cho phép."


class TooManyPages(BadInput):
    code = "too_many_pages"
    message_vi = "Tệp có số trang vượt giới hạn cho phép."


class BadArchiveList(BadInput):
    code = "bad_archive_list"
    message_vi = "Danh sách hồ sơ của kho (tệp CSV) không đọc được hoặc thiếu cột “path”."


class ProcessingFailed(HosoError):
    code = "processing_failed"
    status = 500
    message_vi = "Không xử lý được tệp do lỗi công cụ; hệ thống sẽ thử lại."


class OcrTimeout(ProcessingFailed):
    code = "ocr_timeout"
    message_vi = "Nhận dạng chữ (OCR) trang này quá thời gian cho phép."


class OcrFailed(ProcessingFailed):
    code = "ocr_failed"
    message_vi = "Nhận dạng chữ (OCR) trang này thất bại."


class ConversionFailed(ProcessingFailed):
    code = "conversion_failed"
    message_vi = "Không chuyển đổi được tệp Word/RTF cũ sang định dạng mới."


class StepTimeout(ProcessingFailed):
    code = "step_timeout"
    message_vi = "Xử lý tệp quá thời gian cho phép sau nhiều lần thử; tệp cần được kiểm tra."


class WorkerLost(ProcessingFailed):
    code = "worker_lost"
    message_vi = ("Tiến trình xử lý tệp bị dừng đột ngột nhiều lần (có thể do thiếu bộ nhớ); "
                  "tệp cần được kiểm tra.")


class NotFound(HosoError):
    code = "not_found"
    status = 404
    message_vi = "Không tìm thấy."


class ProfileError(HosoError):
    """A profile file is broken, or a profile key is unknown. ``path`` and ``line`` say where."""

    code = "profile_invalid"
    status = 422
    message_vi = "Mẫu hồ sơ (profile) không hợp lệ."

    def __init__(self, detail: str | None = None, *, message: str | None = None,
                 path: object = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        super().__init__(detail, message=message)


class NotAuthenticated(HosoError):
    code = "not_authenticated"
    status = 401
    message_vi = "Chưa đăng nhập, hoặc phiên làm việc / mã truy cập đã hết hạn."


class Forbidden(HosoError):
    code = "forbidden"
    status = 403
    message_vi = "Tài khoản của bạn không có quyền thực hiện việc này."


class CsrfFailed(Forbidden):
    code = "csrf_failed"
    message_vi = "Biểu mẫu đã hết hạn hoặc không hợp lệ (thiếu mã CSRF); hãy tải lại trang."


class TooManyAttempts(HosoError):
    code = "too_many_attempts"
    status = 429
    message_vi = "Đăng nhập sai quá nhiều lần; hãy thử lại sau ít phút."

    def __init__(self, detail: str | None = None, *, message: str | None = None,
                 retry_after_s: int = 60) -> None:
        self.retry_after_s = retry_after_s
        super().__init__(detail, message=message)


class Conflict(HosoError):
    code = "conflict"
    status = 409
    message_vi = "Thao tác không phù hợp với trạng thái hiện tại của hồ sơ."

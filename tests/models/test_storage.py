import hashlib
import io
import threading

from models.storage import FileStore


def test_bytes_kept_exactly_and_addressed_by_sha256(tmp_path) -> None:
    store = FileStore(tmp_path)
    data = bytes(range(256)) * 1000
    first = store.put_bytes(data)
    assert first.sha256 == hashlib.sha256(data).hexdigest() and first.created
    assert store.read(first.sha256) == data
    second = store.put_stream(io.BytesIO(data))
    assert second.sha256 == first.sha256 and not second.created
    blobs = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert blobs == [store.path(first.sha256)]  # one copy, no temporary files left


def test_concurrent_writers_of_same_bytes(tmp_path) -> None:
    store = FileStore(tmp_path)
    data = b"hs" * 100_000
    threads = [threading.Thread(target=store.put_bytes, args=(data,)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.read(hashlib.sha256(data).hexdigest()) == data
    assert len([p for p in tmp_path.rglob("*") if p.is_file()]) == 1

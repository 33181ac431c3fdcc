package sign

import (
	"bytes"
	"compress/zlib"
	"io"
	"sync"

	"github.com/flagon-go/flagon/sign/internal/zlibcompat"
)

// maxPayload bounds decompressed payloads (they are only decompressed
// after their signature was verified).
const maxPayload = 16 << 20

// Compressors and decompressors hold large tables (about 800 KB and
// 40 KB), so they are pooled.
var (
	writerPool = sync.Pool{New: func() any { return zlib.NewWriter(nil) }}
	readerPool sync.Pool // of io.ReadCloser implementing zlib.Resetter
)

// encodePayload is URLSafeSerializerMixin.dump_payload: zlib-compress when
// that saves more than one byte, then base64 with a "." marking
// compression.
func encodePayload(payload []byte) []byte {
	if z := compress(payload); len(z) < len(payload)-1 {
		return append([]byte{'.'}, EncodeBase64(z)...)
	}
	return EncodeBase64(payload)
}

// compress is zlib.compress: byte-identical to C zlib (and so to Python)
// up to zlibcompat.MaxInput bytes, compress/zlib beyond.
func compress(payload []byte) []byte {
	if z, ok := zlibcompat.Compress(payload); ok {
		return z
	}
	var buf bytes.Buffer
	zw := writerPool.Get().(*zlib.Writer)
	zw.Reset(&buf)
	zw.Write(payload)
	zw.Close()
	writerPool.Put(zw)
	return buf.Bytes()
}

// decodePayload is URLSafeSerializerMixin.load_payload without the JSON
// step.
func decodePayload(b []byte) ([]byte, error) {
	compressed := len(b) > 0 && b[0] == '.'
	if compressed {
		b = b[1:]
	}
	raw, err := DecodeBase64(b)
	if err != nil {
		return nil, &Error{Kind: ErrBadPayload, Msg: "Could not base64 decode the payload because of an exception", Err: err}
	}
	if !compressed {
		return raw, nil
	}
	out, err := inflate(raw)
	if err != nil {
		return nil, &Error{Kind: ErrBadPayload, Msg: "Could not zlib decompress the payload before decoding the payload", Err: err}
	}
	return out, nil
}

func inflate(raw []byte) ([]byte, error) {
	zr, err := getReader(raw)
	if err != nil {
		return nil, err
	}
	defer readerPool.Put(zr)
	out, err := io.ReadAll(io.LimitReader(zr, maxPayload+1))
	if err == nil && len(out) > maxPayload {
		err = io.ErrShortBuffer
	}
	return out, err
}

func getReader(raw []byte) (io.ReadCloser, error) {
	if zr, ok := readerPool.Get().(io.ReadCloser); ok {
		if err := zr.(zlib.Resetter).Reset(bytes.NewReader(raw), nil); err != nil {
			readerPool.Put(zr)
			return nil, err
		}
		return zr, nil
	}
	return zlib.NewReader(bytes.NewReader(raw))
}

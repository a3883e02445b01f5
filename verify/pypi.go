package verify

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"strings"

	"github.com/leakstop/leakstop/detect"
)

// PyPI has no endpoint that describes a token, so this checks one the way
// an upload would be checked, without uploading: a POST to the upload API
// (/legacy/, basic authentication as __token__) of a file_upload form
// that names no package. PyPI authenticates before it reads the form: 403
// ("Invalid or non-existent authentication information", "Invalid API
// Token") means the token does not work, 400 (the form is refused) that
// it was accepted. Nothing is ever created.
type PyPI struct{}

var _ Verifier = PyPI{}

// Name implements Verifier.
func (PyPI) Name() string { return "pypi" }

// Rules implements Verifier.
func (PyPI) Rules() []string { return []string{"pypi-api-token"} }

// Endpoints implements Verifier.
func (PyPI) Endpoints() []string { return []string{"https://upload.pypi.org"} }

// Check implements Verifier.
func (PyPI) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField(":action", "file_upload")
	_ = w.WriteField("protocol_version", "1")
	_ = w.Close()
	r, err := c.NewRequest(http.MethodPost, c.Base(), "/legacy/", &body)
	if err != nil {
		return unknown(err.Error())
	}
	r.SetBasicAuth("__token__", string(req.Secret))
	r.Header.Set("Content-Type", w.FormDataContentType())
	resp, v, ok := send(ctx, c, r)
	if !ok {
		return v
	}
	switch resp.Status {
	case http.StatusBadRequest:
		v := verified("API token", nil)
		v.Reason = "the upload API accepted the token and refused the empty upload"
		return v
	case http.StatusForbidden:
		text := string(resp.Body)
		if strings.Contains(text, "Invalid or non-existent authentication") || strings.Contains(text, "Invalid API Token") {
			return invalid("PyPI: invalid or non-existent authentication information")
		}
	}
	return unexpected(resp)
}

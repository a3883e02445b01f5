package verify

import (
	"context"
	"net/http"

	"github.com/leakstop/leakstop/detect"
)

// Telegram checks bot tokens with the Bot API's getMe, "a simple method
// for testing your bot's authentication token" (GET /bot<token>/getMe):
// {"ok": true, "result": {…}} describes the bot; 401 ("Unauthorized") and
// 404 (no bot has that token) mean the token does not work.
type Telegram struct{}

var _ Verifier = Telegram{}

// Name implements Verifier.
func (Telegram) Name() string { return "telegram" }

// Rules implements Verifier.
func (Telegram) Rules() []string { return []string{"telegram-bot-token"} }

// Endpoints implements Verifier.
func (Telegram) Endpoints() []string { return []string{"https://api.telegram.org"} }

// Check implements Verifier.
func (Telegram) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	var out struct {
		OK     bool `json:"ok"`
		Result struct {
			ID       int64  `json:"id"`
			Username string `json:"username"`
		} `json:"result"`
	}
	// The token is part of the path; Client.Do never quotes the URL.
	resp, v, ok := getJSON(ctx, c, "/bot"+string(req.Secret)+"/getMe", nil, &out, http.StatusUnauthorized, http.StatusNotFound)
	if !ok {
		return v
	}
	if !out.OK || out.Result.Username == "" {
		return unexpected(resp)
	}
	return verified("@"+out.Result.Username, nil)
}

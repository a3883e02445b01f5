package verify

import (
	"context"
	"net/http"

	"github.com/leakstop/leakstop/detect"
)

// Discord checks bot tokens with GET /api/v10/users/@me and the header
// "Authorization: Bot TOKEN": 200 describes the bot user; 401 ("401:
// Unauthorized") means the token does not work.
type Discord struct{}

var _ Verifier = Discord{}

// Name implements Verifier.
func (Discord) Name() string { return "discord" }

// Rules implements Verifier.
func (Discord) Rules() []string { return []string{"discord-bot-token"} }

// Endpoints implements Verifier.
func (Discord) Endpoints() []string { return []string{"https://discord.com"} }

// Check implements Verifier.
func (Discord) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	var out struct {
		ID       string `json:"id"`
		Username string `json:"username"`
	}
	resp, v, ok := getJSON(ctx, c, "/api/v10/users/@me", map[string]string{"Authorization": "Bot " + string(req.Secret)}, &out, http.StatusUnauthorized)
	if !ok {
		return v
	}
	if out.ID == "" {
		return unexpected(resp)
	}
	return verified(out.Username+" ("+out.ID+")", nil)
}

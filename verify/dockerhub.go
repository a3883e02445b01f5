package verify

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"

	"github.com/leakstop/leakstop/detect"
)

// DockerHub checks access tokens by exchanging them for a short-lived
// bearer token at POST /v2/auth/token, which takes the account (a user
// name for a personal token, an organization for an organization token)
// as identifier beside the token as secret: 200 with an access_token means
// the token works (the bearer token is dropped at once); 401 that it does
// not. The account is read next to the token (a Docker username setting,
// docker login -u; a bare username setting is a guess, whose refusal is
// unknown); without it nothing is sent.
type DockerHub struct{}

var _ Verifier = DockerHub{}

// Name implements Verifier.
func (DockerHub) Name() string { return "dockerhub" }

// Rules implements Verifier.
func (DockerHub) Rules() []string { return []string{"docker-hub-pat", "docker-hub-oat"} }

// Endpoints implements Verifier.
func (DockerHub) Endpoints() []string { return []string{"https://hub.docker.com"} }

// dockerUser finds a Docker Hub account name that a Docker setting names
// (DOCKERHUB_USERNAME, DOCKER_ORG, docker login's -u); anyUser one that a
// bare username setting names (docker/login-action's with: username),
// which may be another service's.
var (
	dockerUser = regexp.MustCompile(`(?i)(?:docker(?:hub)?[_-]?(?:user(?:name)?|login|org(?:anization)?|namespace)["']?\s*[:=]\s*["']?|docker\s+login\b[^\n]*?\s(?:-u|--username)[\s=]+["']?)([a-z0-9][a-z0-9_-]{1,29})\b`)
	anyUser    = regexp.MustCompile(`(?i)\b(?:user(?:name)?|login)["']?\s*[:=]\s*["']?([a-z0-9][a-z0-9_-]{1,29})\b`)
)

// Hints implements hinter: the account name, and whether a Docker setting
// named it ("docker") or a bare one ("guess").
func (DockerHub) Hints(_ string, text []byte) map[string]string {
	if m := dockerUser.FindSubmatch(text); m != nil {
		return map[string]string{"identifier": strings.ToLower(string(m[1])), "named_by": "docker"}
	}
	if m := anyUser.FindSubmatch(text); m != nil {
		return map[string]string{"identifier": strings.ToLower(string(m[1])), "named_by": "guess"}
	}
	return nil
}

// Check implements Verifier.
func (DockerHub) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	id := req.Hints["identifier"]
	if id == "" {
		return unknown("no Docker Hub account name next to it: Docker Hub checks a token only with its account")
	}
	body, err := json.Marshal(map[string]string{"identifier": id, "secret": string(req.Secret)})
	if err != nil {
		return unknown(err.Error())
	}
	r, err := c.NewRequest(http.MethodPost, c.Base(), "/v2/auth/token", bytes.NewReader(body))
	if err != nil {
		return unknown(err.Error())
	}
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Accept", "application/json")
	var out struct {
		AccessToken string `json:"access_token"`
	}
	resp, v, ok := decode(ctx, c, r, &out, http.StatusUnauthorized)
	if !ok {
		if v.Result == detect.VerifyInvalid {
			v.Reason = "rejected by Docker Hub for account " + id + " (HTTP 401)"
			if req.Hints["named_by"] != "docker" {
				// The name was a guess: the token may be another account's.
				v.Result, v.Reason = detect.VerifyUnknown, v.Reason+"; the account name beside it may not be the token's"
			}
		}
		return v
	}
	if out.AccessToken == "" {
		return unexpected(resp)
	}
	return verified(id, nil)
}

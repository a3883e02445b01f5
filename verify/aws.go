package verify

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/leakstop/leakstop/detect"
)

// AWS checks an access key pair with STS GetCallerIdentity, which needs no
// permission: a POST of Action=GetCallerIdentity&Version=2011-06-15 to the
// global endpoint, signed with Signature Version 4 for sts in us-east-1.
// 200 returns the caller's ARN and account; 403 InvalidClientTokenId (no
// such key), SignatureDoesNotMatch (the secret is not the key's) or
// ExpiredToken mean the pair does not work. A key id and its secret are
// two findings (the secret's rule requires the key id beside it); both
// get the pair's answer. A temporary key (ASIA) also needs its session
// token.
type AWS struct{}

var _ Verifier = AWS{}

// Name implements Verifier.
func (AWS) Name() string { return "aws" }

var (
	awsKeyIDRules  = []string{"aws-access-key-id"}
	awsSecretRules = []string{"aws-secret-access-key", "aws-secret-access-key-quoted"}
	awsTokenRules  = []string{"aws-session-token"}
)

// Rules implements Verifier.
func (AWS) Rules() []string { return append(append([]string{}, awsKeyIDRules...), awsSecretRules...) }

// Endpoints implements Verifier.
func (AWS) Endpoints() []string { return []string{"https://sts.amazonaws.com"} }

// awsPairLines is how far apart a key id and its secret may be: the
// requirement of the secret's rule.
const awsPairLines = 5

// Companions implements companioned.
func (AWS) Companions(ruleID string) []Companion {
	token := Companion{Name: "session_token", Rules: awsTokenRules, Within: 2 * awsPairLines}
	if ruleID == "aws-access-key-id" {
		return []Companion{
			{Name: "secret", Rules: awsSecretRules, Within: awsPairLines, Missing: "no secret access key next to it: STS checks a key id only with its secret"},
			token,
		}
	}
	return []Companion{
		{Name: "key_id", Rules: awsKeyIDRules, Within: awsPairLines, Missing: "no access key id next to it: STS checks a secret only with its key id"},
		token,
	}
}

// awsError is STS's error document.
type awsError struct {
	Code    string `xml:"Error>Code"`
	Message string `xml:"Error>Message"`
}

// awsRefusals are STS error codes that mean the credentials do not work.
var awsRefusals = map[string]bool{
	"InvalidClientTokenId":        true,
	"SignatureDoesNotMatch":       true,
	"ExpiredToken":                true,
	"UnrecognizedClientException": true,
}

// Check implements Verifier.
func (AWS) Check(ctx context.Context, c *Client, req *Request) detect.Verification {
	creds := aws.Credentials{SessionToken: string(req.Companions["session_token"])}
	if req.RuleID == "aws-access-key-id" {
		creds.AccessKeyID, creds.SecretAccessKey = string(req.Secret), string(req.Companions["secret"])
	} else {
		creds.AccessKeyID, creds.SecretAccessKey = string(req.Companions["key_id"]), string(req.Secret)
	}
	if strings.HasPrefix(creds.AccessKeyID, "ASIA") && creds.SessionToken == "" {
		return unknown("a temporary key (ASIA): STS checks it only with its session token, and none is next to it")
	}
	const body = "Action=GetCallerIdentity&Version=2011-06-15"
	r, err := c.NewRequest(http.MethodPost, c.Base(), "/", strings.NewReader(body))
	if err != nil {
		return unknown(err.Error())
	}
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	r.Header.Set("Accept", "text/xml")
	if err := signSTS(ctx, r, creds, []byte(body), c.Now()); err != nil {
		return unknown("signing the request: " + err.Error())
	}
	resp, v, ok := send(ctx, c, r)
	if !ok {
		return v
	}
	switch resp.Status {
	case http.StatusOK:
		var out struct {
			Arn     string `xml:"GetCallerIdentityResult>Arn"`
			Account string `xml:"GetCallerIdentityResult>Account"`
		}
		if err := xml.Unmarshal(resp.Body, &out); err != nil || out.Arn == "" {
			return unexpected(resp)
		}
		return verified(out.Arn, nil)
	case http.StatusForbidden, http.StatusBadRequest:
		var e awsError
		if err := xml.Unmarshal(resp.Body, &e); err == nil && awsRefusals[e.Code] {
			return invalid("STS: " + e.Code)
		}
		if e.Code != "" {
			return unknown("STS: " + e.Code)
		}
	}
	return unexpected(resp)
}

// signSTS signs r, whose body is body, for STS in us-east-1.
func signSTS(ctx context.Context, r *http.Request, creds aws.Credentials, body []byte, now time.Time) error {
	return sigV4(ctx, r, creds, body, "sts", "us-east-1", now)
}

// sigV4 signs r with Signature Version 4: AWS's signer, tested against
// AWS's published test suite.
func sigV4(ctx context.Context, r *http.Request, creds aws.Credentials, body []byte, service, region string, now time.Time) error {
	sum := sha256.Sum256(body)
	return v4.NewSigner().SignHTTP(ctx, creds, r, hex.EncodeToString(sum[:]), service, region, now)
}

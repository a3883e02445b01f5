// Package slackfixture builds Slack workspace exports for tests: a
// realistic export with planted fake secrets and look-alikes, whose
// answers are known (Build), and large synthetic ones for benchmarks
// (Synthetic).
//
// Exports are written the way Slack writes them: one folder per
// conversation with a pretty-printed JSON array of messages per day,
// slashes and non-ASCII escaped, message text in Slack's markup (&lt;,
// <https://…|label>). Secrets are generated at run time by rules/fake in
// the contexts of the catalog's own examples, so no complete token is ever
// stored in the repository.
package slackfixture

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// Planted is a secret the export holds, and the message it is in.
type Planted struct {
	RuleID  string
	Secret  string
	Channel string // conversation id
	TS      string // the message's ts
	// Where says in which part of the message: text, thread, edited, bot,
	// attachment, blocks, preformatted, link, snippet, file-url, download.
	Where string
}

// Export is an export Build wrote.
type Export struct {
	Dir       string
	Workspace string // host, as the export's file links name it
	Planted   []Planted
	// Messages counts the messages, LookAlikes those holding text that
	// looks like a secret and is not one.
	Messages   int
	LookAlikes int
}

// User is a member of the fixture's workspace.
type User struct{ ID, Name, RealName string }

// Conversation is a conversation of the fixture's workspace.
type Conversation struct {
	ID, Name, Kind string // Kind: public, private, dm, mpim
	Folder         string
	Members        []string
}

// Workspace is the fixture workspace's host.
const Workspace = "acme-fixture.slack.com"

// Users are the fixture workspace's members.
func Users() []User {
	return []User{
		{"U0FIXALICE", "alice", "Alice Liddell"},
		{"U0FIXBOB00", "bob", "Bob Builder"},
		{"U0FIXCAROL", "carol", "Carol Danvers"},
		{"U0FIXDAVE0", "dave", "Dave Null"},
	}
}

// Bot is the fixture workspace's deploy bot.
func Bot() User { return User{"B0FIXDEPLOY", "deploy-bot", ""} }

// Conversations are the fixture workspace's conversations, one of each
// kind and a second public channel.
func Conversations() []Conversation {
	return []Conversation{
		{"C0FIXGENERAL", "general", "public", "general", []string{"U0FIXALICE", "U0FIXBOB00", "U0FIXCAROL", "U0FIXDAVE0"}},
		{"C0FIXDEVOPS0", "devops", "public", "devops", []string{"U0FIXALICE", "U0FIXBOB00", "U0FIXDAVE0"}},
		{"G0FIXSECRET", "secret-project", "private", "secret-project", []string{"U0FIXALICE", "U0FIXCAROL"}},
		{"D0FIXALIBOB", "", "dm", "D0FIXALIBOB", []string{"U0FIXALICE", "U0FIXBOB00"}},
		{"G0FIXMPDM01", "mpdm-alice--bob--carol-1", "mpim", "mpdm-alice--bob--carol-1", []string{"U0FIXALICE", "U0FIXBOB00", "U0FIXCAROL"}},
	}
}

// baseTime is when the fixture's first message was written.
func baseTime() time.Time { return time.Date(2024, 6, 3, 9, 0, 0, 0, time.UTC) }

// writeJSON writes v as Slack does: indented by four spaces, '/' as \/
// and every non-ASCII character as a \u escape.
func writeJSON(path string, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "    ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, slackEscapeJSON(buf.Bytes()), 0o644)
}

// slackEscapeJSON escapes '/' and non-ASCII characters of JSON text (they
// occur only inside strings).
func slackEscapeJSON(b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b) + len(b)/8)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == '/':
			out.WriteString(`\/`)
		case r < utf8.RuneSelf:
			out.WriteByte(b[0])
		case r > 0xFFFF:
			r -= 0x10000
			fmt.Fprintf(&out, `\u%04x\u%04x`, 0xD800+(r>>10), 0xDC00+(r&0x3FF))
		default:
			fmt.Fprintf(&out, `\u%04x`, r)
		}
		b = b[n:]
	}
	return out.Bytes()
}

// escapeText writes plain text in Slack's markup: & < > as entities.
func escapeText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// Zip writes the folder dir as a zip archive at path, entries in order
// and under prefix (a folder some exports wrap everything in; "" none).
func Zip(dir, path, prefix string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: filepath.ToSlash(filepath.Join(prefix, rel)), Method: zip.Deflate})
		if err != nil {
			return err
		}
		src, err := os.Open(p)
		if err != nil {
			return err
		}
		defer src.Close()
		_, err = io.Copy(w, src)
		return err
	})
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

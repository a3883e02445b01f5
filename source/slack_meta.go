package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

// Conversation kinds (Origin.ChannelType), by the export file that lists
// them.
const (
	SlackPublic  = "public"  // channels.json
	SlackPrivate = "private" // groups.json
	SlackDM      = "dm"      // dms.json
	SlackMPIM    = "mpim"    // mpims.json
)

// slackConv is a conversation of the export.
type slackConv struct {
	id, name, kind string
	members        []string
}

// slackUser is a member of the workspace.
type slackUser struct {
	name, realName string
}

// slackMeta is what the export's lists say about users and conversations.
// Each list is optional: without users.json findings carry user ids (and
// the names a message gives itself), without channels.json the folder
// names.
type slackMeta struct {
	users  map[string]slackUser
	convs  map[string]*slackConv // by id
	byName map[string]*slackConv // by folder name
}

// slackLists are the export's lists of conversations and who each is.
var slackLists = []struct{ file, kind string }{
	{"channels.json", SlackPublic},
	{"groups.json", SlackPrivate},
	{"dms.json", SlackDM},
	{"mpims.json", SlackMPIM},
}

// slackUserLists hold the members: org_users.json in Enterprise Grid
// exports.
var slackUserLists = []string{"users.json", "org_users.json"}

// loadSlackMeta reads the lists under dir of fsys. A list that is missing
// is fine; one that cannot be read is reported and the rest still used.
func loadSlackMeta(fsys fs.FS, dir string, shown func(string) string, p Problems) *slackMeta {
	m := &slackMeta{users: map[string]slackUser{}, convs: map[string]*slackConv{}, byName: map[string]*slackConv{}}
	for _, name := range slackUserLists {
		file := path.Join(dir, name)
		err := eachJSON(fsys, file, func(dec *json.Decoder) error {
			var u struct {
				ID       string `json:"id"`
				Name     string `json:"name"`
				RealName string `json:"real_name"`
				Profile  struct {
					RealName    string `json:"real_name"`
					DisplayName string `json:"display_name"`
				} `json:"profile"`
			}
			if err := dec.Decode(&u); err != nil {
				return err
			}
			if u.ID != "" {
				m.users[u.ID] = slackUser{
					name:     firstOf(u.Name, u.Profile.DisplayName),
					realName: firstOf(u.RealName, u.Profile.RealName),
				}
			}
			return nil
		})
		if err != nil {
			p.Error(shown(file), err)
		}
	}
	for _, l := range slackLists {
		file := path.Join(dir, l.file)
		err := eachJSON(fsys, file, func(dec *json.Decoder) error {
			var c struct {
				ID      string   `json:"id"`
				Name    string   `json:"name"`
				Members []string `json:"members"`
			}
			if err := dec.Decode(&c); err != nil {
				return err
			}
			if c.ID == "" {
				return nil
			}
			conv := &slackConv{id: c.ID, name: c.Name, kind: l.kind, members: c.Members}
			m.convs[c.ID] = conv
			if c.Name != "" {
				m.byName[c.Name] = conv
			}
			return nil
		})
		if err != nil {
			p.Error(shown(file), err)
		}
	}
	return m
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// eachJSON calls fn with a decoder positioned at each element of the JSON
// array in file, reading the file as a stream. A missing file is no
// error; a malformed one is, with the line where it went wrong.
func eachJSON(fsys fs.FS, file string, fn func(*json.Decoder) error) error {
	f, err := fsys.Open(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return plainError(err)
	}
	defer f.Close()
	lr := &lineReader{r: f}
	dec := json.NewDecoder(lr)
	fail := func(err error) error { return jsonError(lr, dec, err) }
	tok, err := dec.Token()
	if err != nil {
		return fail(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return fmt.Errorf("line %d: want a JSON array", lr.line(dec.InputOffset()))
	}
	for dec.More() {
		if err := fn(dec); err != nil {
			return fail(err)
		}
	}
	if _, err := dec.Token(); err != nil {
		return fail(err)
	}
	return nil
}

// jsonError gives a decoding error the line it happened on. The offset
// of a json.SyntaxError counts only what the decoder scanned as values,
// so the value that failed is scanned again from its start to find it.
func jsonError(lr *lineReader, dec *json.Decoder, err error) error {
	var se *json.SyntaxError
	off := dec.InputOffset()
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return fmt.Errorf("line %d: unexpected end of JSON", lr.line(lr.read))
	case errors.As(err, &se):
		// InputOffset is still where the value that failed starts, and
		// the decoder's buffer holds it up to the wrong byte.
		rest, _ := io.ReadAll(dec.Buffered())
		var v json.RawMessage
		if err := json.Unmarshal(rest, &v); errors.As(err, &se) {
			off += max(se.Offset-1, 0)
		}
	}
	return fmt.Errorf("line %d: %w", lr.line(off), err)
}

// user returns the names of a user id.
func (m *slackMeta) user(id string) (slackUser, bool) {
	u, ok := m.users[id]
	return u, ok
}

// conv finds the conversation of a folder, by name or id. A folder that is
// in no list is a conversation of its own, named by the folder; when the
// folder's name looks like a conversation id it is taken as the id.
func (m *slackMeta) conv(folder string) *slackConv {
	if c, ok := m.byName[folder]; ok {
		return c
	}
	if c, ok := m.convs[folder]; ok {
		return c
	}
	c := &slackConv{name: folder}
	if isSlackID(folder) {
		c.id, c.name = folder, ""
		switch folder[0] {
		case 'D':
			c.kind = SlackDM
		case 'G':
			c.kind = SlackPrivate
		case 'C':
			c.kind = SlackPublic
		}
	}
	return c
}

// displayName is how a conversation is named in reports: its name, or
// for a direct message the names of its members.
func (m *slackMeta) displayName(c *slackConv) string {
	if c.name != "" || c.kind != SlackDM {
		return c.name
	}
	var names []string
	for _, id := range c.members {
		if u, ok := m.users[id]; ok && u.name != "" {
			names = append(names, u.name)
		} else {
			names = append(names, id)
		}
	}
	return strings.Join(names, ", ")
}

// isSlackID reports whether s looks like a conversation id: C (channels),
// G (private channels and old group DMs) or D (direct messages), then
// upper-case letters and digits.
func isSlackID(s string) bool {
	if len(s) < 7 || !strings.ContainsRune("CDG", rune(s[0])) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// workspaceIn returns the workspace host (acme.slack.com) that a link in
// data to one of its messages, files or canvases names, its slashes
// escaped as JSON may write them or not; "" when there is none.
func workspaceIn(data []byte) string {
	const domain = ".slack.com"
	for rest := data; ; {
		i := bytes.Index(rest, []byte(domain))
		if i < 0 {
			return ""
		}
		host, after := rest[:i], rest[i+len(domain):]
		rest = after
		// The host: letters, digits, '-' and '.', after "https://".
		j := len(host)
		for j > 0 && (host[j-1] >= 'a' && host[j-1] <= 'z' || host[j-1] >= '0' && host[j-1] <= '9' || host[j-1] == '-' || host[j-1] == '.') {
			j--
		}
		name := string(host[j:])
		scheme := bytes.ReplaceAll(host[max(0, j-10):j], []byte(`\/`), []byte("/"))
		if name == "" || !bytes.HasSuffix(scheme, []byte("https://")) {
			continue
		}
		path := bytes.ReplaceAll(after[:min(len(after), 12)], []byte(`\/`), []byte("/"))
		if !bytes.HasPrefix(path, []byte("/archives/")) && !bytes.HasPrefix(path, []byte("/files/")) && !bytes.HasPrefix(path, []byte("/docs/")) {
			continue
		}
		switch name {
		case "app", "api", "files", "hooks", "www", "status", "slack-files":
			continue
		}
		return name + domain
	}
}

// NormalizeWorkspace turns what a user gives as the workspace (acme,
// acme.slack.com, https://acme.slack.com/) into its host; ok is false
// when it is none of these.
func NormalizeWorkspace(s string) (host string, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
	s = strings.TrimSuffix(s, "/")
	if s == "" {
		return "", false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return "", false
		}
	}
	if !strings.Contains(s, ".") {
		s += ".slack.com"
	}
	return s, true
}

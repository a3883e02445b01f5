package source

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/leakstop/leakstop/internal/slackfixture"
)

func TestSlackText(t *testing.T) {
	names := slackNames{
		user:    func(id string) string { return map[string]string{"U1": "alice"}[id] },
		channel: func(id string) string { return map[string]string{"C1": "general"}[id] },
	}
	for _, tt := range []struct{ name, in, want string }{
		{"plain", "nothing to undo", "nothing to undo"},
		{"entities", "a &lt;b&gt; &amp;&amp; c &amp;lt;", "a <b> && c &lt;"},
		{"link", "see <https://x.test/a?b=1&amp;c=2>", "see https://x.test/a?b=1&c=2"},
		{"labelled link", "see <https://x.test/a|the docs> now", "see the docs (https://x.test/a) now"},
		{"label repeats the address", "<https://x.test/|x.test>", "https://x.test/"},
		{"mailto", "mail <mailto:ops@acme.test|ops@acme.test>", "mail ops@acme.test"},
		{"mailto with another label", "<mailto:ops@acme.test|ops>", "ops (ops@acme.test)"},
		{"user", "hi <@U1> and <@U2>", "hi @alice and @U2"},
		{"user with label", "hi <@U2|bob>", "hi @bob"},
		{"channel", "in <#C1> and <#C2|random>", "in #general and #random"},
		{"special", "<!here> <!subteam^S1|@ops> <!date^1|today>", "@here @ops today"},
		{"not a link", "a < b", "a < b"},
		{"unclosed", "<https://x.test", "<https://x.test"},
		{"escaped inside a link", "<https://x.test/?q=a&amp;t=b|x &amp; y>", "x & y (https://x.test/?q=a&t=b)"},
		{"newline ends no link", "<a\nb>", "<a\nb>"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := slackText(tt.in, names); got != tt.want {
				t.Errorf("slackText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// dayFile is a pretty-printed day file; its lines are referred to below.
const dayFile = `[
    {
        "type": "message",
        "text": "token &lt;here&gt;: <https:\/\/x.test\/hook|hook>\nsecond line",
        "user": "U1",
        "ts": "1717405200.000100",
        "blocks": [
            {
                "type": "rich_text",
                "elements": [
                    {
                        "type": "rich_text_section",
                        "elements": [
                            {"type": "text", "text": "token <here>: "},
                            {"type": "link", "url": "https:\/\/x.test\/hook", "text": "hook"}
                        ]
                    },
                    {
                        "type": "rich_text_preformatted",
                        "elements": [{"type": "text", "text": "only in a block"}]
                    }
                ]
            }
        ],
        "attachments": [
            {
                "fallback": "token &lt;here&gt;: hook",
                "fields": [{"title": "Key", "value": "field value"}]
            }
        ],
        "files": [
            {
                "id": "F0123ABCDE",
                "name": "notes.txt",
                "preview": "preview text",
                "url_private": "https:\/\/files.slack.com\/files-pri\/T1-F0123ABCDE\/notes.txt?t=xoxe-1",
                "url_private_download": "https:\/\/files.slack.com\/files-pri\/T1-F0123ABCDE\/download\/notes.txt?t=xoxe-1",
                "thumb_64": "https:\/\/files.slack.com\/files-tmb\/T1-F0123ABCDE\/t_64.png?t=xoxe-2"
            }
        ]
    },
    {"type": "message", "subtype": "bot_message", "bot_id": "B1", "username": "deployer", "text": "", "ts": "1717405300.000200",
     "thread_ts": "1717405200.000100", "attachments": [{"pretext": "bot says", "text": "bot text"}]}
]
`

func slackTestRun(t *testing.T, dir string, s *Slack) *collector {
	t.Helper()
	if s == nil {
		s = &Slack{Export: dir}
	}
	c := newCollector()
	if err := s.Fragments(context.Background(), 3, c.visit, c); err != nil {
		t.Fatalf("Fragments: %v", err)
	}
	return c
}

func slackByPath(c *collector) map[string]*Fragment {
	m := map[string]*Fragment{}
	for _, f := range c.frags {
		m[f.Origins[0].Path] = f
	}
	return m
}

// A message is one fragment: its text decoded, then what else it holds
// that the text does not (a block only in blocks, a field, a preview, each
// distinct file token), each line mapped to its line in the day file.
func TestSlackMessage(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"users.json":               `[{"id": "U1", "name": "alice", "real_name": "Alice Liddell"}]`,
		"channels.json":            `[{"id": "C0123ABCD", "name": "general", "members": ["U1"]}]`,
		"general/2024-06-03.json":  dayFile,
		"general/attachments/x.go": "package x",
	})
	c := slackTestRun(t, dir, &Slack{Export: dir, Workspace: "acme"})
	if len(c.errs) > 0 {
		t.Fatalf("errors: %v", c.errs)
	}
	frags := slackByPath(c)
	f := frags["slack/C0123ABCD/1717405200.000100"]
	if f == nil {
		t.Fatalf("no fragment for the message; have %v", c.paths())
	}
	wantLines := []string{
		"token <here>: hook (https://x.test/hook)", // text, line 4
		"second line",     // text, line 4
		"only in a block", // blocks, line 20; the section repeats the text
		"Key",             // attachment field, line 28; the fallback repeats the text
		"field value",     // line 28
		"notes.txt",       // file name, line 34
		"preview text",    // line 35
		"https://files.slack.com/files-pri/T1-F0123ABCDE/notes.txt?t=xoxe-1", // line 36; the download link has the same token
		"https://files.slack.com/files-tmb/T1-F0123ABCDE/t_64.png?t=xoxe-2",  // line 38
	}
	if got := strings.Split(string(f.Data), "\n"); !slices.Equal(got, wantLines) {
		t.Errorf("fragment:\n%s\nwant:\n%s", f.Data, strings.Join(wantLines, "\n"))
	}
	o := f.Origins[0]
	var fileLines []int
	for i := range wantLines {
		fileLines = append(fileLines, o.FileLineAt(i+1))
	}
	if want := []int{4, 4, 20, 28, 28, 34, 35, 36, 38}; !slices.Equal(fileLines, want) {
		t.Errorf("file lines %v, want %v", fileLines, want)
	}
	want := Origin{
		Kind: KindSlack, Path: "slack/C0123ABCD/1717405200.000100", Root: dir, File: "general/2024-06-03.json", FileLine: 4,
		Channel: "C0123ABCD", ChannelName: "general", ChannelType: SlackPublic,
		User: "U1", UserName: "alice", UserRealName: "Alice Liddell", TS: "1717405200.000100",
		Permalink: "https://acme.slack.com/archives/C0123ABCD/p1717405200000100", Date: slackDate("1717405200.000100"),
	}
	o.fileLines = nil
	if !originEqual(o, want) {
		t.Errorf("origin\n%+v\nwant\n%+v", o, want)
	}

	bot := frags["slack/C0123ABCD/1717405300.000200"]
	if bot == nil {
		t.Fatal("no fragment for the bot message")
	}
	if string(bot.Data) != "bot says\nbot text" {
		t.Errorf("bot fragment %q", bot.Data)
	}
	bo := bot.Origins[0]
	if bo.User != "B1" || bo.UserName != "deployer" || bo.ThreadTS != "1717405200.000100" || bo.FileLine != 43 ||
		bo.Permalink != "https://acme.slack.com/archives/C0123ABCD/p1717405300000200?thread_ts=1717405200.000100&cid=C0123ABCD" {
		t.Errorf("bot origin %+v", bo)
	}
	// A file of the export no message shares is scanned on its own.
	if x := frags["general/attachments/x.go"]; x == nil || string(x.Data) != "package x" || x.Origins[0].File != "general/attachments/x.go" {
		t.Errorf("unshared file: %v", x)
	}
	if len(c.frags) != 4 { // the two messages, x.go, channels.json
		t.Errorf("%d fragments: %v", len(c.frags), c.paths())
	}
}

func originEqual(a, b Origin) bool {
	a.fileLines, b.fileLines = nil, nil
	return a.Kind == b.Kind && a.Path == b.Path && a.Root == b.Root && a.File == b.File && a.FileLine == b.FileLine &&
		a.Channel == b.Channel && a.ChannelName == b.ChannelName && a.ChannelType == b.ChannelType &&
		a.User == b.User && a.UserName == b.UserName && a.UserRealName == b.UserRealName &&
		a.TS == b.TS && a.ThreadTS == b.ThreadTS && a.Permalink == b.Permalink && a.Date.Equal(b.Date)
}

const oneMessage = `[
    {
        "type": "message",
        "text": "hello",
        "user": "U9",
        "ts": "1717405200.000100",
        "user_profile": {"real_name": "Ivy Nine", "display_name": "ivy", "name": "ivy9"}
    }
]`

// The variants: a direct messages only export without users.json, an
// export of one channel (day files at the top), folders named by id, and
// a zip that wraps it all in a folder.
func TestSlackVariants(t *testing.T) {
	t.Run("dm only, no users", func(t *testing.T) {
		dir := t.TempDir()
		writeTree(t, dir, map[string]string{
			"dms.json":                    `[{"id": "D0123ABCD", "members": ["U9", "U8"]}]`,
			"D0123ABCD/2024-06-03.json":   oneMessage,
			"D0123ABCD/2024-06-04.json":   `[]`,
			"D0123ABCD/not-a-day.json.gz": "x",
		})
		c := slackTestRun(t, dir, nil)
		f := slackByPath(c)["slack/D0123ABCD/1717405200.000100"]
		if f == nil {
			t.Fatalf("paths %v, errors %v", c.paths(), c.errs)
		}
		o := f.Origins[0]
		if o.ChannelType != SlackDM || o.ChannelName != "U9, U8" || o.UserName != "ivy9" || o.UserRealName != "Ivy Nine" || o.Permalink != "" {
			t.Errorf("origin %+v", o)
		}
	})
	t.Run("single channel", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "random")
		writeTree(t, dir, map[string]string{"2024-06-03.json": oneMessage})
		c := slackTestRun(t, dir, &Slack{Export: dir, Workspace: "https://acme.enterprise.slack.com/"})
		f := slackByPath(c)["slack/random/1717405200.000100"]
		if f == nil {
			t.Fatalf("paths %v, errors %v", c.paths(), c.errs)
		}
		if o := f.Origins[0]; o.ChannelName != "random" || o.Channel != "" || o.File != "2024-06-03.json" || o.Permalink != "" {
			t.Errorf("origin %+v", o)
		}
	})
	t.Run("folders by id, zip in a folder", func(t *testing.T) {
		dir := t.TempDir()
		writeTree(t, dir, map[string]string{
			"channels.json":             `[{"id": "C0123ABCD", "name": "general"}]`,
			"groups.json":               `[{"id": "G0123ABCD", "name": "ops"}]`,
			"C0123ABCD/2024-06-03.json": oneMessage,
			"ops/2024-06-03.json":       strings.Replace(oneMessage, `"hello"`, `"see <https:\/\/acme.slack.com\/archives\/C0123ABCD\/p1>"`, 1),
		})
		zipPath := filepath.Join(t.TempDir(), "export.zip")
		if err := slackfixture.Zip(dir, zipPath, "Acme Slack export"); err != nil {
			t.Fatal(err)
		}
		c := slackTestRun(t, "", &Slack{Export: zipPath})
		frags := slackByPath(c)
		gen, ops := frags["slack/C0123ABCD/1717405200.000100"], frags["slack/G0123ABCD/1717405200.000100"]
		if gen == nil || ops == nil {
			t.Fatalf("paths %v, errors %v", c.paths(), c.errs)
		}
		if o := gen.Origins[0]; o.ChannelName != "general" || o.File != "Acme Slack export/C0123ABCD/2024-06-03.json" ||
			o.ExportFile() != filepath.ToSlash(zipPath)+"!Acme Slack export/C0123ABCD/2024-06-03.json" {
			t.Errorf("origin %+v, shown %s", o, o.ExportFile())
		}
		// The workspace comes from the link to one of its messages.
		if o := ops.Origins[0]; o.ChannelType != SlackPrivate || o.Permalink != "https://acme.slack.com/archives/G0123ABCD/p1717405200000100" {
			t.Errorf("origin %+v", o)
		}
	})
}

// A day file that is not valid JSON is reported by name and line; the
// messages before the error and the rest of the export are still scanned.
func TestSlackMalformed(t *testing.T) {
	dir := t.TempDir()
	good := strings.Replace(oneMessage, "1717405200.000100", "1717405300.000100", 1)
	writeTree(t, dir, map[string]string{
		"users.json":               `[{"id": "U9", "name": "ivy"}`,
		"general/2024-06-03.json":  oneMessage[:len(oneMessage)-2] + ",\n    {\"text\": \"cut",
		"general/2024-06-04.json":  `{"not": "an array"}`,
		"general/2024-06-05.json":  "[\n  \"a string\",\n" + good[1:],
		"general/2024-06-06.json":  "[\n  {\"text\": \"x\", \"ts\": \"1\"}\n  oops\n]",
		"general/2024-06-07.json":  "[]\n[]",
		"random/2024-06-03.json":   good,
		"random/2024-06-04.json":   "",
		"channels.json":            `[{"id": "C1", "name": "general"}, {"id": "C2", "name": "random"}]`,
		"random/files/F01234ABCD":  "",
		"random/attachments/a.txt": "fine",
	})
	c := slackTestRun(t, dir, nil)
	shown := func(rel string) string { return filepath.ToSlash(filepath.Join(dir, rel)) }
	for rel, want := range map[string]string{
		"users.json":              "line 1: unexpected end of JSON",
		"general/2024-06-03.json": "line 9: unexpected end of JSON",
		"general/2024-06-04.json": "line 1: want a JSON array of messages",
		"general/2024-06-05.json": "line 2: a message is not a JSON object",
		"general/2024-06-06.json": "line 3: ", // encoding/json's words
		"general/2024-06-07.json": "line 2: more JSON after the array of messages",
		"random/2024-06-04.json":  "line 1: unexpected end of JSON",
	} {
		if got := c.errs[shown(rel)]; got != want && !(strings.HasSuffix(want, ": ") && strings.HasPrefix(got, want)) {
			t.Errorf("%s: error %q, want %q", rel, got, want)
		}
	}
	if len(c.errs) != 7 {
		t.Errorf("errors: %v", c.errs)
	}
	frags := slackByPath(c)
	for _, p := range []string{
		"slack/C1/1717405200.000100", // before the error
		"slack/C1/1717405300.000100", // after the element that is no object
		"slack/C1/1",                 // before the error
		"slack/C2/1717405300.000100", // another conversation
		"random/attachments/a.txt",
	} {
		if frags[p] == nil {
			t.Errorf("no fragment %s; have %v", p, c.paths())
		}
	}
	if o := frags["slack/C1/1717405200.000100"]; o != nil && o.Origins[0].UserName != "ivy" {
		t.Errorf("user name %q: the message's own profile stands in for the broken users.json", o.Origins[0].UserName)
	}
}

// Files downloaded next to the export are scanned as files of the message
// that shares them, found by id or by name; a file too large is listed.
func TestSlackFiles(t *testing.T) {
	dir, files := t.TempDir(), t.TempDir()
	msg := `[{"type": "message", "text": "see file", "user": "U1", "ts": "1717405200.000100",
	  "files": [{"id": "F0AAAAAAAA", "name": "a.env"}, {"id": "F0BBBBBBBB", "name": "b.env"}, {"id": "F0CCCCCCCC", "name": "c.env"},
	            {"id": "F0DDDDDDDD", "name": "big.env"}]}]`
	writeTree(t, dir, map[string]string{
		"channels.json":                          `[{"id": "C1", "name": "general"}]`,
		"general/2024-06-03.json":                msg,
		"general/attachments/F0AAAAAAAA-a.env":   "A=1",
		"general/attachments/c.env":              "C=3",
		"general/attachments/F0DDDDDDDD-big.env": strings.Repeat("x", 100),
	})
	writeTree(t, files, map[string]string{"F0BBBBBBBB/b.env": "B=2", "unrelated.txt": "U"})
	c := slackTestRun(t, dir, &Slack{Export: dir, Files: files, MaxFileSize: 50})
	frags := slackByPath(c)
	for path, want := range map[string]struct{ data, root, file string }{
		"slack/C1/1717405200.000100/files/F0AAAAAAAA": {"A=1", dir, "general/attachments/F0AAAAAAAA-a.env"},
		"slack/C1/1717405200.000100/files/F0BBBBBBBB": {"B=2", files, "F0BBBBBBBB/b.env"},
		"slack/C1/1717405200.000100/files/F0CCCCCCCC": {"C=3", dir, "general/attachments/c.env"},
		"unrelated.txt": {"U", files, "unrelated.txt"},
	} {
		f := frags[path]
		if f == nil {
			t.Errorf("no fragment %s; have %v", path, c.paths())
			continue
		}
		o := f.Origins[0]
		if string(f.Data) != want.data || o.Root != want.root || o.File != want.file || f.ID != BlobID([]byte(want.data)) {
			t.Errorf("%s: %q %+v", path, f.Data, o)
		}
		if strings.HasPrefix(path, "slack/") && (o.Channel != "C1" || o.TS != "1717405200.000100" || o.FileLineAt(1) != 1) {
			t.Errorf("%s: origin %+v", path, o)
		}
	}
	if got := c.skips[filepath.ToSlash(filepath.Join(dir, "general/attachments/F0DDDDDDDD-big.env"))]; got != ReasonTooLarge {
		t.Errorf("skips %v", c.skips)
	}
	if len(c.frags) != 6 { // the message, three files, unrelated.txt, channels.json
		t.Errorf("%d fragments: %v", len(c.frags), c.paths())
	}
}

// Replies some export tools nest in their parent are messages of the
// thread.
func TestSlackNestedReplies(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"C0123ABCD/2024-06-03.json": `[
  {"type": "message", "text": "parent", "user": "U1", "ts": "1.000100",
   "replies": [
     {"user": "U2", "ts": "2.000200"},
     {"type": "message", "text": "nested reply", "user": "U2", "ts": "3.000300"}
   ]}
]`})
	c := slackTestRun(t, dir, &Slack{Export: dir, Workspace: "acme.slack.com"})
	frags := slackByPath(c)
	r := frags["slack/C0123ABCD/3.000300"]
	if len(frags) != 2 || r == nil || string(r.Data) != "nested reply" {
		t.Fatalf("fragments %v", c.paths())
	}
	if o := r.Origins[0]; o.ThreadTS != "1.000100" || o.FileLine != 5 || !strings.HasSuffix(o.Permalink, "/p3000300?thread_ts=1.000100&cid=C0123ABCD") {
		t.Errorf("origin %+v", o)
	}
}

// Not an export: an error, no panic. A visit error stops the run.
func TestSlackStops(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"readme.txt": "hello"})
	c := slackTestRun(t, dir, nil)
	if got := c.errs[filepath.ToSlash(dir)]; !strings.Contains(got, "is this a Slack export?") {
		t.Errorf("errors %v", c.errs)
	}
	notZip := filepath.Join(dir, "readme.txt")
	c = slackTestRun(t, notZip, &Slack{Export: notZip})
	if got := c.errs[filepath.ToSlash(notZip)]; !strings.Contains(got, "not a folder or a zip archive") {
		t.Errorf("errors %v", c.errs)
	}

	exp := t.TempDir()
	if _, err := slackfixture.Build(exp, 2); err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	var n atomic.Int32
	err := (&Slack{Export: exp}).Fragments(context.Background(), 2, func(int, *Fragment) error { n.Add(1); return stop }, newCollector())
	if !errors.Is(err, stop) || n.Load() > 2 {
		t.Errorf("err %v after %d visits", err, n.Load())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := (&Slack{Export: exp}).Fragments(ctx, 2, newCollector().visit, newCollector()); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestNormalizeWorkspace(t *testing.T) {
	for in, want := range map[string]string{
		"acme": "acme.slack.com", "Acme.Slack.com": "acme.slack.com", "https://acme.slack.com/": "acme.slack.com",
		"acme.enterprise.slack.com": "acme.enterprise.slack.com", "": "", "a b": "", "acme/x": "",
	} {
		got, ok := NormalizeWorkspace(in)
		if got != want || ok != (want != "") {
			t.Errorf("NormalizeWorkspace(%q) = %q, %v", in, got, ok)
		}
	}
	for in, want := range map[string]string{
		`"permalink": "https:\/\/acme.slack.com\/files\/U1\/F1\/x"`:      "acme.slack.com",
		`https://app.slack.com/docs/x https://b-2.slack.com/archives/C1`: "b-2.slack.com",
		`https://files.slack.com/files-pri/T1-F1/x`:                      "",
		`https://hooks.slack.com/services/T/B/x`:                         "",
	} {
		if got := workspaceIn([]byte(in)); got != want {
			t.Errorf("workspaceIn(%s) = %q, want %q", in, got, want)
		}
	}
}

func FuzzSlackDayFile(f *testing.F) {
	f.Add([]byte(dayFile))
	f.Add([]byte(oneMessage))
	f.Add([]byte(`[{"text": "<@U1|x> &amp; <https://a|b>", "blocks": [{"type": "rich_text", "elements": [{"type": "rich_text_list", "elements": [{"type": "rich_text_section", "elements": [{"type": "link", "url": "u"}]}]}]}], "replies": [{"text": "r"}]}]`))
	f.Add([]byte("[\n  {\"text\": \"cut"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &slackRun{
			s: &Slack{}, exp: &slackExport{root: "x"}, plan: &slackPlan{byID: map[string][]*slackFile{}, byName: map[string][]*slackFile{}},
			meta: &slackMeta{users: map[string]slackUser{}, convs: map[string]*slackConv{}}, p: newCollector(),
		}
		d := slackDay{folder: "C0123ABCD", rel: "C0123ABCD/2024-06-03.json", conv: &slackConv{id: "C0123ABCD"}}
		lines := bytes.Count(data, []byte("\n")) + 1
		r.stream(context.Background(), bytes.NewReader(data), d, func(f *Fragment) bool {
			o := f.Origins[0]
			for i := 1; i <= bytes.Count(f.Data, []byte("\n"))+1; i++ {
				if l := o.FileLineAt(i); l < 1 || l > lines {
					t.Fatalf("line %d of the fragment is line %d of %d", i, l, lines)
				}
			}
			return true
		})
	})
}

func FuzzSlackText(f *testing.F) {
	for _, s := range []string{"a &lt;b&gt;", "<https://x|y>", "<@U1>", "<#C1|g>", "<!here>", "<mailto:a@b|a@b>", "<<>>", "&amp;lt;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := slackText(s, slackNames{})
		if !strings.ContainsAny(s, "<&") && out != s {
			t.Fatalf("slackText(%q) = %q", s, out)
		}
	})
}

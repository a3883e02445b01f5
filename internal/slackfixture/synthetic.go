package slackfixture

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
)

// SyntheticOptions size a synthetic export.
type SyntheticOptions struct {
	Messages int    // in all
	Channels int    // conversations; default 50
	PerDay   int    // messages per conversation and day file; default 200
	Seed     uint64 // default 1
	// SecretEvery plants a fake secret in one message out of this many;
	// 0: none.
	SecretEvery int
}

// SyntheticStats says what Synthetic wrote.
type SyntheticStats struct {
	Messages, DayFiles, Secrets int
	Bytes                       int64
}

// syntheticRules are the rules whose secrets Synthetic plants: one-line
// tokens, cheap to generate.
var syntheticRules = [...]string{"github-pat", "slack-bot-token", "stripe-secret-key", "npm-access-token", "openai-project-key", "gitlab-pat"}

var words = strings.Fields(`the a deploy build staging prod rollback review merge branch release
ticket incident alert latency error timeout retry cache database index query migration schema
service api gateway token config secret vault rotate key docs wiki runbook oncall pager standup
lunch coffee meeting thanks please can someone look at this why does it fail again today tomorrow
yesterday fixed broken green red flaky test pipeline job runner cluster node pod container image`)

// Synthetic writes a large export into dir, as fast as it can: channels
// of day files of realistic messages (pretty-printed as Slack does, with
// user profiles, rich text blocks, some threads, bot attachments and
// files), with fake secrets planted in some.
func Synthetic(dir string, o SyntheticOptions) (SyntheticStats, error) {
	if o.Channels <= 0 {
		o.Channels = 50
	}
	if o.PerDay <= 0 {
		o.PerDay = 200
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	set, err := rules.Default()
	if err != nil {
		return SyntheticStats{}, err
	}
	var planted []*rules.Rule
	for _, id := range syntheticRules {
		if r, ok := set.Lookup(id); ok {
			planted = append(planted, r)
		}
	}
	g := fake.New(o.Seed)
	var st SyntheticStats
	users := Users()
	var channels strings.Builder
	channels.WriteString("[\n")
	perChannel := (o.Messages + o.Channels - 1) / o.Channels
	for c := 0; c < o.Channels && st.Messages < o.Messages; c++ {
		id, name := fmt.Sprintf("C0SYN%05d", c), fmt.Sprintf("channel-%05d", c)
		if c > 0 {
			channels.WriteString(",\n")
		}
		fmt.Fprintf(&channels, `    {"id": "%s", "name": "%s", "created": 1600000000, "creator": "%s", "is_archived": false, "members": ["%s", "%s"]}`,
			id, name, users[0].ID, users[0].ID, users[1].ID)
		ts := baseTime().Unix()
		for day, left := 0, min(perChannel, o.Messages-st.Messages); left > 0; day++ {
			n := min(left, o.PerDay)
			date := baseTime().AddDate(0, 0, day).Format("2006-01-02")
			size, secrets, err := writeSyntheticDay(filepath.Join(dir, name, date+".json"), n, &ts, g, users, planted, o.SecretEvery, st.Messages)
			if err != nil {
				return st, err
			}
			st.Messages += n
			st.DayFiles++
			st.Secrets += secrets
			st.Bytes += size
			left -= n
			ts = baseTime().AddDate(0, 0, day+1).Unix()
		}
	}
	channels.WriteString("\n]\n")
	if err := os.WriteFile(filepath.Join(dir, "channels.json"), []byte(channels.String()), 0o644); err != nil {
		return st, err
	}
	return st, writeJSON(filepath.Join(dir, "users.json"), users)
}

// writeSyntheticDay writes one day file of n messages; first is the
// number of messages written before, to place secrets.
func writeSyntheticDay(path string, n int, ts *int64, g *fake.Gen, users []User, planted []*rules.Rule, every, first int) (int64, int, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return 0, 0, err
	}
	f, err := os.Create(path)
	if err != nil {
		return 0, 0, err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	var b []byte
	secrets := 0
	b = append(b, "[\n"...)
	for i := 0; i < n; i++ {
		*ts += int64(1 + g.IntN(300))
		stamp := strconv.FormatInt(*ts, 10) + "." + fmt.Sprintf("%06d", g.IntN(1000000))
		u := users[g.IntN(len(users))]
		var text strings.Builder
		for k := 3 + g.IntN(25); k > 0; k-- {
			text.WriteString(words[g.IntN(len(words))])
			text.WriteByte(' ')
		}
		if every > 0 && len(planted) > 0 && (first+i)%every == every-1 {
			s, err := g.Secret(planted[g.IntN(len(planted))])
			if err != nil {
				return 0, 0, err
			}
			text.WriteString("token " + s)
			secrets++
		}
		if i > 0 {
			b = append(b, ",\n"...)
		}
		b = appendSyntheticMessage(b, g, u, stamp, strings.TrimSpace(text.String()))
		if len(b) > 1<<15 {
			if _, err := w.Write(b); err != nil {
				f.Close()
				return 0, 0, err
			}
			b = b[:0]
		}
	}
	b = append(b, "\n]\n"...)
	if _, err := w.Write(b); err != nil {
		f.Close()
		return 0, 0, err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, 0, err
	}
	fi, err := f.Stat()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, 0, err
	}
	return fi.Size(), secrets, nil
}

// appendSyntheticMessage writes a message as a Slack client's, with its
// blocks; one in ten is a bot's with an attachment, one in twenty shares
// a file.
func appendSyntheticMessage(b []byte, g *fake.Gen, u User, ts, text string) []byte {
	q := jsonQuote(text)
	if g.IntN(10) == 0 {
		return fmt.Appendf(b, `    {
        "type": "message",
        "subtype": "bot_message",
        "text": "",
        "bot_id": "B0SYNBOT",
        "username": "ci",
        "ts": "%s",
        "attachments": [
            {
                "color": "2eb886",
                "fallback": "Build finished",
                "pretext": "Build finished",
                "fields": [
                    {
                        "title": "Log",
                        "value": %s,
                        "short": false
                    }
                ],
                "id": 1
            }
        ]
    }`, ts, q)
	}
	b = fmt.Appendf(b, `    {
        "client_msg_id": "%08x-0000-4000-8000-%012x",
        "type": "message",
        "text": %s,
        "user": "%s",
        "ts": "%s",
        "team": "T0SYNTEAM",
        "user_team": "T0SYNTEAM",
        "source_team": "T0SYNTEAM",
        "user_profile": {
            "avatar_hash": "g%011x",
            "image_72": "https:\/\/secure.gravatar.com\/avatar\/%s.jpg",
            "first_name": "%s",
            "real_name": "%s",
            "display_name": "%s",
            "team": "T0SYNTEAM",
            "name": "%s",
            "is_restricted": false
        },
        "blocks": [
            {
                "type": "rich_text",
                "block_id": "%05x",
                "elements": [
                    {
                        "type": "rich_text_section",
                        "elements": [
                            {
                                "type": "text",
                                "text": %s
                            }
                        ]
                    }
                ]
            }
        ]`, g.IntN(1<<31), g.IntN(1<<31), q, u.ID, ts, g.IntN(1<<31), u.Name, strings.Fields(u.RealName)[0], u.RealName, u.Name, u.Name, g.IntN(1<<20), q)
	if g.IntN(20) == 0 {
		id := fmt.Sprintf("F0SYN%06d", g.IntN(1000000))
		b = fmt.Appendf(b, `,
        "files": [
            {
                "id": "%s",
                "name": "notes.txt",
                "title": "notes.txt",
                "mimetype": "text/plain",
                "filetype": "text",
                "mode": "hosted",
                "url_private": "https:\/\/files.slack.com\/files-pri\/T0SYNTEAM-%s\/notes.txt",
                "preview": %s
            }
        ]`, id, id, q)
	}
	return append(b, "\n    }"...)
}

// jsonQuote quotes s as a JSON string, '/' escaped as Slack does.
func jsonQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '/':
			b.WriteString(`\/`)
		case c == '\n':
			b.WriteString(`\n`)
		case c < 0x20 || c > 0x7e:
			fmt.Fprintf(&b, `\u%04x`, c)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

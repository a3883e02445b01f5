package slackfixture

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/rules/fake"
)

// Message is a message as an export writes it, fields in Slack's order.
type Message struct {
	ClientMsgID  string       `json:"client_msg_id,omitempty"`
	Type         string       `json:"type"`
	Subtype      string       `json:"subtype,omitempty"`
	Text         string       `json:"text"`
	User         string       `json:"user,omitempty"`
	BotID        string       `json:"bot_id,omitempty"`
	Username     string       `json:"username,omitempty"`
	TS           string       `json:"ts"`
	Edited       *Edited      `json:"edited,omitempty"`
	ThreadTS     string       `json:"thread_ts,omitempty"`
	ReplyCount   int          `json:"reply_count,omitempty"`
	ReplyUsers   []string     `json:"reply_users,omitempty"`
	LatestReply  string       `json:"latest_reply,omitempty"`
	ParentUserID string       `json:"parent_user_id,omitempty"`
	Team         string       `json:"team,omitempty"`
	UserTeam     string       `json:"user_team,omitempty"`
	SourceTeam   string       `json:"source_team,omitempty"`
	UserProfile  *Profile     `json:"user_profile,omitempty"`
	BotProfile   *BotProfile  `json:"bot_profile,omitempty"`
	Attachments  []Attachment `json:"attachments,omitempty"`
	Blocks       []any        `json:"blocks,omitempty"`
	Files        []File       `json:"files,omitempty"`
	Upload       bool         `json:"upload,omitempty"`
	Reactions    []Reaction   `json:"reactions,omitempty"`
}

// Edited marks an edited message.
type Edited struct {
	User string `json:"user"`
	TS   string `json:"ts"`
}

// Profile is the user_profile a message carries.
type Profile struct {
	AvatarHash  string `json:"avatar_hash"`
	Image72     string `json:"image_72"`
	FirstName   string `json:"first_name"`
	RealName    string `json:"real_name"`
	DisplayName string `json:"display_name"`
	Team        string `json:"team"`
	Name        string `json:"name"`
	IsRestr     bool   `json:"is_restricted"`
}

// BotProfile is the bot_profile of a bot's message.
type BotProfile struct {
	ID      string `json:"id"`
	Deleted bool   `json:"deleted"`
	Name    string `json:"name"`
	AppID   string `json:"app_id"`
	TeamID  string `json:"team_id"`
}

// Attachment is a legacy attachment or a link unfurl.
type Attachment struct {
	ServiceName string  `json:"service_name,omitempty"`
	Color       string  `json:"color,omitempty"`
	Pretext     string  `json:"pretext,omitempty"`
	Title       string  `json:"title,omitempty"`
	TitleLink   string  `json:"title_link,omitempty"`
	Text        string  `json:"text,omitempty"`
	Fallback    string  `json:"fallback,omitempty"`
	Fields      []Field `json:"fields,omitempty"`
	FromURL     string  `json:"from_url,omitempty"`
	ID          int     `json:"id"`
}

// Field is a field of an attachment.
type Field struct {
	Title string `json:"title"`
	Value string `json:"value"`
	Short bool   `json:"short"`
}

// File is a file a message shares.
type File struct {
	ID                 string `json:"id"`
	Created            int64  `json:"created"`
	Timestamp          int64  `json:"timestamp"`
	Name               string `json:"name"`
	Title              string `json:"title"`
	Mimetype           string `json:"mimetype"`
	Filetype           string `json:"filetype"`
	PrettyType         string `json:"pretty_type"`
	User               string `json:"user"`
	Mode               string `json:"mode"`
	Editable           bool   `json:"editable"`
	IsExternal         bool   `json:"is_external"`
	Size               int    `json:"size"`
	URLPrivate         string `json:"url_private"`
	URLPrivateDownload string `json:"url_private_download"`
	Permalink          string `json:"permalink"`
	PermalinkPublic    string `json:"permalink_public"`
	Preview            string `json:"preview,omitempty"`
	PreviewHighlight   string `json:"preview_highlight,omitempty"`
	Lines              int    `json:"lines,omitempty"`
	LinesMore          int    `json:"lines_more,omitempty"`
	IsPublic           bool   `json:"is_public"`
	HasRichPreview     bool   `json:"has_rich_preview"`
}

// Reaction is an emoji reaction.
type Reaction struct {
	Name  string   `json:"name"`
	Users []string `json:"users"`
	Count int      `json:"count"`
}

// builder writes one export.
type builder struct {
	dir       string
	g         *fake.Gen
	set       *rules.Set
	exp       *Export
	clock     time.Time
	days      map[string][]*Message // by day file, relative
	fileToken string
	files     int
	conv      int // next conversation, round robin
}

// Build writes a realistic export into dir (a folder that exists) from
// seed: five conversations of every kind, threads, edits, bot messages,
// attachments, blocks, snippets, files with previews and a file
// downloaded into the export, escaped text, fake secrets of many providers
// in all of these places, and look-alikes.
func Build(dir string, seed uint64) (*Export, error) {
	set, err := rules.Default()
	if err != nil {
		return nil, err
	}
	b := &builder{
		dir: dir, g: fake.New(seed), set: set, clock: baseTime(),
		exp:  &Export{Dir: dir, Workspace: Workspace},
		days: map[string][]*Message{},
	}
	if b.fileToken, err = b.secret("slack-export-file-token"); err != nil {
		return nil, err
	}
	if err := b.lists(); err != nil {
		return nil, err
	}
	b.messages()
	if err := b.write(); err != nil {
		return nil, err
	}
	return b.exp, nil
}

// secret returns a fake secret of rule id.
func (b *builder) secret(id string) (string, error) {
	r, ok := b.set.Lookup(id)
	if !ok {
		return "", fmt.Errorf("no rule %q in the catalog", id)
	}
	return b.g.Secret(r)
}

// planted is a text holding fake secrets and which.
type planted struct {
	text    string
	secrets []Planted // without channel and ts
}

// plant returns one of rule id's examples with its secret, and every other
// example secret it holds (an access key next to its id), replaced by
// fresh fakes.
func (b *builder) plant(id string) (planted, error) {
	r, ok := b.set.Lookup(id)
	if !ok {
		return planted{}, fmt.Errorf("no rule %q in the catalog", id)
	}
	for _, ex := range r.Examples {
		if ex.Decoded || ex.Secret == "" || strings.Count(ex.Text, ex.Secret) != 1 {
			continue
		}
		p := planted{text: ex.Text}
		olds := []string{ex.Secret}
		owners := []*rules.Rule{r}
		for _, r2 := range b.set.Rules {
			for _, e2 := range r2.Examples {
				if s := e2.Secret; len(s) >= 8 && !e2.Decoded && s != ex.Secret && !slices.Contains(olds, s) &&
					strings.Contains(p.text, s) && !strings.Contains(ex.Secret, s) {
					olds, owners = append(olds, s), append(owners, r2)
				}
			}
		}
		for i, old := range olds {
			s, err := b.g.Secret(owners[i])
			if err != nil {
				return planted{}, err
			}
			p.text = strings.ReplaceAll(p.text, old, s)
			p.secrets = append(p.secrets, Planted{RuleID: owners[i].ID, Secret: s})
		}
		return p, nil
	}
	return planted{}, fmt.Errorf("rule %s has no example to plant", id)
}

// nextConv returns the conversations in turn.
func (b *builder) nextConv() Conversation {
	cs := Conversations()
	c := cs[b.conv%len(cs)]
	b.conv++
	return c
}

// conversation returns a conversation at random.
func (b *builder) conversation() Conversation {
	cs := Conversations()
	return cs[b.g.IntN(len(cs))]
}

// ts returns a new message ts, later than the last.
func (b *builder) ts() string {
	b.clock = b.clock.Add(time.Duration(40+b.g.IntN(900)) * time.Second)
	return fmt.Sprintf("%d.%06d", b.clock.Unix(), b.g.IntN(1000000))
}

// add puts m in c's day file of its ts.
func (b *builder) add(c Conversation, m *Message) {
	day := b.clock.UTC().Format("2006-01-02")
	key := c.Folder + "/" + day + ".json"
	b.days[key] = append(b.days[key], m)
	b.exp.Messages++
}

// record notes where p's secrets are.
func (b *builder) record(p planted, c Conversation, ts, where string) {
	for _, s := range p.secrets {
		s.Channel, s.TS, s.Where = c.ID, ts, where
		b.exp.Planted = append(b.exp.Planted, s)
	}
}

func (b *builder) user(c Conversation) User {
	us := Users()
	id := c.Members[b.g.IntN(len(c.Members))]
	for _, u := range us {
		if u.ID == id {
			return u
		}
	}
	return us[0]
}

// userMessage is a message typed in a client: text, its rich text
// blocks, the author's profile.
func (b *builder) userMessage(u User, text string) *Message {
	return &Message{
		ClientMsgID: fmt.Sprintf("%08x-%04x-4%03x-a%03x-%012x", b.g.IntN(1<<31), b.g.IntN(1<<16), b.g.IntN(1<<12), b.g.IntN(1<<12), b.g.IntN(1<<31)),
		Type:        "message", Text: escapeText(text), User: u.ID, TS: b.ts(),
		Team: "T0FIXTEAM", UserTeam: "T0FIXTEAM", SourceTeam: "T0FIXTEAM",
		UserProfile: &Profile{
			AvatarHash: fmt.Sprintf("g%011x", b.g.IntN(1<<31)), Image72: "https://secure.gravatar.com/avatar/" + u.Name + ".jpg",
			FirstName: strings.Fields(u.RealName)[0], RealName: u.RealName, DisplayName: u.Name, Team: "T0FIXTEAM", Name: u.Name,
		},
		Blocks: []any{richText(section(textLeaf(text)))},
	}
}

func richText(elements ...any) map[string]any {
	return map[string]any{"type": "rich_text", "block_id": "blk", "elements": elements}
}

func section(leaves ...any) map[string]any {
	return map[string]any{"type": "rich_text_section", "elements": leaves}
}

func textLeaf(s string) map[string]any { return map[string]any{"type": "text", "text": s} }

func linkLeaf(url, label string) map[string]any {
	m := map[string]any{"type": "link", "url": url}
	if label != "" {
		m["text"] = label
	}
	return m
}

// file is a file shared in c by u, with the export's access token on its
// links.
func (b *builder) file(u User, name, filetype, mode string) File {
	b.files++
	id := fmt.Sprintf("F0FIX%05d", b.files)
	path := "T0FIXTEAM-" + id + "/" + name
	return File{
		ID: id, Created: b.clock.Unix(), Timestamp: b.clock.Unix(), Name: name, Title: name,
		Mimetype: "text/plain", Filetype: filetype, PrettyType: strings.ToUpper(filetype), User: u.ID, Mode: mode,
		Size: 200 + b.g.IntN(2000), IsPublic: true,
		URLPrivate:         "https://files.slack.com/files-pri/" + path + "?t=" + b.fileToken,
		URLPrivateDownload: "https://files.slack.com/files-pri/T0FIXTEAM-" + id + "/download/" + name + "?t=" + b.fileToken,
		Permalink:          "https://" + Workspace + "/files/" + u.ID + "/" + id + "/" + name,
		PermalinkPublic:    "https://slack-files.com/T0FIXTEAM-" + id + "-" + fmt.Sprintf("%010x", b.g.IntN(1<<31)),
	}
}

// fileURLPlanted records the access token of a message's file links.
func (b *builder) fileURLPlanted(c Conversation, ts string) {
	b.record(planted{secrets: []Planted{{RuleID: "slack-export-file-token", Secret: b.fileToken}}}, c, ts, "file-url")
}

// write writes the lists and the day files.
func (b *builder) write() error {
	keys := make([]string, 0, len(b.days))
	for k := range b.days {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		ms := b.days[k]
		slices.SortStableFunc(ms, func(x, y *Message) int { return cmp.Compare(x.TS, y.TS) })
		if err := writeJSON(filepath.Join(b.dir, filepath.FromSlash(k)), ms); err != nil {
			return err
		}
	}
	if len(keys) == 0 {
		return errors.New("no messages")
	}
	return nil
}

// lists writes users.json, channels.json, groups.json, dms.json,
// mpims.json and integration_logs.json.
func (b *builder) lists() error {
	type profile struct {
		Title       string `json:"title"`
		Phone       string `json:"phone"`
		RealName    string `json:"real_name"`
		DisplayName string `json:"display_name"`
		StatusText  string `json:"status_text"`
		StatusEmoji string `json:"status_emoji"`
		AvatarHash  string `json:"avatar_hash"`
		Email       string `json:"email,omitempty"`
		Image72     string `json:"image_72"`
		Team        string `json:"team"`
	}
	type user struct {
		ID       string  `json:"id"`
		TeamID   string  `json:"team_id"`
		Name     string  `json:"name"`
		Deleted  bool    `json:"deleted"`
		Color    string  `json:"color"`
		RealName string  `json:"real_name"`
		TZ       string  `json:"tz"`
		Profile  profile `json:"profile"`
		IsAdmin  bool    `json:"is_admin"`
		IsBot    bool    `json:"is_bot"`
		Updated  int64   `json:"updated"`
	}
	var users []user
	for i, u := range append(Users(), User{"U0FIXBOTUSR", "deploy-bot", "Deploy Bot"}) {
		users = append(users, user{
			ID: u.ID, TeamID: "T0FIXTEAM", Name: u.Name, Color: "9f69e7", RealName: u.RealName, TZ: "Europe/Zürich",
			Profile: profile{Title: "Engineer", RealName: u.RealName, DisplayName: u.Name, StatusText: "🌴 away", StatusEmoji: ":palm_tree:",
				AvatarHash: fmt.Sprintf("%012x", i*7919+13), Email: u.Name + "@acme.test", Image72: "https://avatars.slack-edge.com/2024-01-01/" + u.Name + "_72.png", Team: "T0FIXTEAM"},
			IsAdmin: i == 0, IsBot: u.ID == "U0FIXBOTUSR", Updated: baseTime().Unix(),
		})
	}
	if err := writeJSON(filepath.Join(b.dir, "users.json"), users); err != nil {
		return err
	}
	type text struct {
		Value   string `json:"value"`
		Creator string `json:"creator"`
		LastSet int64  `json:"last_set"`
	}
	type conv struct {
		ID         string   `json:"id"`
		Name       string   `json:"name,omitempty"`
		Created    int64    `json:"created"`
		Creator    string   `json:"creator,omitempty"`
		IsArchived bool     `json:"is_archived"`
		IsGeneral  bool     `json:"is_general,omitempty"`
		Members    []string `json:"members"`
		Topic      *text    `json:"topic,omitempty"`
		Purpose    *text    `json:"purpose,omitempty"`
	}
	lists := map[string][]conv{"public": nil, "private": nil, "dm": nil, "mpim": nil}
	for _, c := range Conversations() {
		cv := conv{ID: c.ID, Created: baseTime().Unix() - 86400*400, Members: c.Members}
		if c.Kind != "dm" {
			cv.Name, cv.Creator = c.Name, c.Members[0]
			cv.IsGeneral = c.Name == "general"
			cv.Topic = &text{Value: "Runbook: <https://wiki.acme.test/ops|wiki> &amp; on-call rota", Creator: c.Members[0], LastSet: baseTime().Unix() - 86400}
			cv.Purpose = &text{Value: "Talk about " + c.Name, Creator: c.Members[0], LastSet: baseTime().Unix() - 86400*300}
		}
		lists[c.Kind] = append(lists[c.Kind], cv)
	}
	for kind, file := range map[string]string{"public": "channels.json", "private": "groups.json", "dm": "dms.json", "mpim": "mpims.json"} {
		if err := writeJSON(filepath.Join(b.dir, file), lists[kind]); err != nil {
			return err
		}
	}
	logs := []map[string]any{{
		"user_id": "U0FIXALICE", "user_name": "alice", "date": fmt.Sprint(baseTime().Unix() - 86400*30),
		"change_type": "added", "app_type": "bot", "service_id": "B0FIXDEPLOY", "service_name": "deploy-bot",
	}}
	return writeJSON(filepath.Join(b.dir, "integration_logs.json"), logs)
}

// writeFile writes a file an export tool downloaded with the export.
func (b *builder) writeFile(rel, content string) error {
	p := filepath.Join(b.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(content), 0o644)
}

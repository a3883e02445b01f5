package slackfixture

import (
	"fmt"
	"strings"
)

// plantedRules are the rules whose secrets Build plants, in the contexts of
// their examples: many providers, one-line tokens, webhook URLs, key
// material over many lines, JWTs, passwords.
var plantedRules = [...]string{
	"github-pat", "github-fine-grained-pat", "gitlab-pat", "aws-secret-access-key", "gcp-api-key",
	"slack-bot-token", "slack-user-token", "slack-webhook-url", "discord-webhook-url", "stripe-secret-key",
	"openai-project-key", "anthropic-api-key", "sendgrid-api-key", "npm-access-token", "pypi-api-token",
	"docker-hub-pat", "datadog-api-key", "pem-rsa-private-key", "openssh-private-key", "jwt",
	"url-basic-auth", "digitalocean-pat", "shopify-access-token", "linear-api-key", "notion-integration-token",
	"telegram-bot-token", "huggingface-access-token", "age-secret-key", "azure-storage-account-key",
	"vault-service-token", "generic-password", "twilio-auth-token", "mailgun-api-key", "postmark-server-token",
	"hubspot-private-app-token", "atlassian-api-token", "sentry-user-auth-token", "grafana-service-account-token",
}

// lookAlikes are texts people write in chat that look like secrets and
// are not: placeholders, redactions, identifiers, hashes, links.
var lookAlikes = [...]string{
	"set SLACK_BOT_TOKEN=xoxb-your-bot-token in .env and restart",
	"the token is ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX in the docs, replace it with yours",
	"AWS docs use AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY as the example pair",
	"Stripe key rotated, old one was sk_live_…redacted (see 1Password)",
	"deployed 3f9c2a1b7e4d8c6a5b2f1e0d9c8b7a6f5e4d3c2b to prod :rocket:",
	"image digest sha256:9b2d4e6f8a0c1e3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a",
	"request id 3f2b8c1e-9d4a-4e6b-8f0c-2a1d5e7b9c3f failed with 502",
	"password: ******** (ask carol for the real one)",
	"use `export OPENAI_API_KEY=sk-...` before running the notebook",
	"PR: https://github.com/acme/api/pull/4821 fixes the <nil> pointer",
	"DATABASE_URL=postgres://app:${DB_PASSWORD}@db.internal:5432/app",
	"curl -H \"Authorization: Bearer $TOKEN\" https://api.acme.test/v1/me",
	"the session cookie looks like s%3Aabc.def but that's fine, it is signed",
	"our build number is 2024.06.03-1842 and commit abcdef0",
	"new webhook goes to https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX (placeholder)",
	"api_key = os.getenv(\"SENDGRID_API_KEY\")",
	"{{ .Values.secret.token }} is templated by helm",
	"user_id U0FIXALICE, channel C0FIXGENERAL, ts 1717405200.000100",
	"jira: OPS-1234 and OPS-1235, please review",
	"md5 of the tarball: d41d8cd98f00b204e9800998ecf8427e",
}

// fillers are ordinary messages.
var fillers = [...]string{
	"good morning :wave:", "standup in 5", "lunch?", "can someone review my PR?", "LGTM :+1:",
	"the build is green again", "I'll be out tomorrow", "thanks!", "ack", "on it",
	"retro notes are in the doc", "who owns the billing service these days?", "merged :tada:",
	"the staging DB is slow again &gt;_&lt;", "coffee ☕ anyone?", "Zürich office is closed on Monday",
}

// forms are the places of a message a planted secret goes to, in turn.
var forms = [...]string{
	"text", "thread", "bot", "blocks", "attachment", "snippet", "edited", "preformatted", "download", "escaped",
}

// messages writes the conversations: fillers, planted secrets in turn in
// every form, look-alikes, a thread and files.
func (b *builder) messages() {
	fill := 0
	filler := func() {
		c := b.nextConv()
		u := b.user(c)
		text := fillers[fill%len(fillers)]
		fill++
		m := b.userMessage(u, text)
		m.Text = text // already in Slack's markup
		if fill%7 == 0 {
			m.Reactions = []Reaction{{Name: "eyes", Users: []string{u.ID}, Count: 1}}
		}
		if fill%5 == 0 {
			m.Text = "<@" + c.Members[0] + "> " + text
		}
		b.add(c, m)
	}
	// Every rule twice, in two different places.
	for round := range 2 {
		for i, id := range plantedRules {
			for range 2 {
				filler()
			}
			p, err := b.plant(id)
			if err != nil {
				continue // the catalog changed: Planted says what is in the export
			}
			n := i + round*len(plantedRules)
			form := forms[(i+round*5)%len(forms)]
			if strings.HasSuffix(id, "webhook-url") {
				form = "link"
			}
			b.put(form, p, n)
		}
	}
	// Look-alikes: chat, and what the planted rules must not report.
	texts := lookAlikes[:]
	for _, id := range plantedRules {
		if r, ok := b.set.Lookup(id); ok {
			for _, ce := range r.Counterexamples {
				if !nearMiss(ce.Text) {
					texts = append(texts, ce.Text)
				}
			}
		}
	}
	for i, text := range texts {
		c := b.conversation()
		u := b.user(c)
		m := b.userMessage(u, text)
		switch i % 4 {
		case 2: // in an unfurl
			m = b.userMessage(u, "see https://gist.acme.test/ops/1234")
			m.Attachments = []Attachment{{ServiceName: "Gist", Title: "ops", Text: escapeText(text), Fallback: "Gist: ops", ID: 1}}
		case 3: // in a snippet's preview
			m.Text = "snippet:"
			f := b.file(u, fmt.Sprintf("notes-%d.txt", i), "text", "snippet")
			f.Preview, f.Lines = text, strings.Count(text, "\n")+1
			m.Files, m.Upload, m.Blocks = []File{f}, true, nil
			b.fileURLPlanted(c, m.TS)
		}
		b.add(c, m)
		b.exp.LookAlikes++
	}
	for range 20 {
		filler()
	}
}

// put writes a message holding p's text in form, in the next
// conversation.
func (b *builder) put(form string, p planted, i int) {
	c := b.conversation()
	u := b.user(c)
	switch form {
	case "thread":
		parent := b.userMessage(u, "anyone have the creds for the staging box?")
		b.add(c, parent)
		other := b.user(c)
		reply := b.userMessage(other, p.text)
		reply.ThreadTS, reply.ParentUserID = parent.TS, parent.User
		parent.ThreadTS, parent.ReplyCount, parent.ReplyUsers, parent.LatestReply = parent.TS, 1, []string{other.ID}, reply.TS
		b.add(c, reply)
		b.record(p, c, reply.TS, "thread")
	case "bot":
		bot := Bot()
		m := &Message{
			Type: "message", Subtype: "bot_message", BotID: bot.ID, Username: bot.Name, TS: b.ts(),
			BotProfile: &BotProfile{ID: bot.ID, Name: bot.Name, AppID: "A0FIXAPP", TeamID: "T0FIXTEAM"},
			Attachments: []Attachment{{
				Color: "2eb886", Pretext: "Deploy of *api* to staging finished", Fallback: "Deploy finished",
				Fields: []Field{{Title: "Environment", Value: "staging", Short: true}, {Title: "Config", Value: escapeText(p.text)}}, ID: 1,
			}},
		}
		b.add(c, m)
		b.record(p, c, m.TS, "bot")
	case "blocks": // an app's message: a header and a section of mrkdwn
		m := &Message{
			Type: "message", Subtype: "bot_message", BotID: "B0FIXALERTS", Username: "alerts", Text: "New alert from monitoring", TS: b.ts(),
			Blocks: []any{
				map[string]any{"type": "header", "block_id": "h", "text": map[string]any{"type": "plain_text", "text": "Leaked config detected", "emoji": true}},
				map[string]any{"type": "section", "block_id": "s", "text": map[string]any{"type": "mrkdwn", "text": escapeText(p.text)}},
				map[string]any{"type": "context", "block_id": "c", "elements": []any{map[string]any{"type": "mrkdwn", "text": "sent by <https://monitor.acme.test|monitor>"}}},
			},
		}
		b.add(c, m)
		b.record(p, c, m.TS, "blocks")
	case "attachment": // a link unfurl
		m := b.userMessage(u, "see https://gist.acme.test/ops/1234")
		m.Text = "see <https://gist.acme.test/ops/1234>"
		m.Attachments = []Attachment{{
			ServiceName: "Gist", Title: "ops/1234", TitleLink: "https://gist.acme.test/ops/1234",
			Text: escapeText(p.text), Fallback: "Gist: ops/1234", FromURL: "https://gist.acme.test/ops/1234", ID: 1,
		}}
		b.add(c, m)
		b.record(p, c, m.TS, "attachment")
	case "snippet":
		m := b.userMessage(u, "here's the snippet")
		f := b.file(u, "deploy.sh", "shell", "snippet")
		f.Preview, f.Lines = p.text, strings.Count(p.text, "\n")+1
		m.Files, m.Upload = []File{f}, true
		b.add(c, m)
		b.record(p, c, m.TS, "snippet")
		b.fileURLPlanted(c, m.TS)
	case "edited":
		m := b.userMessage(u, p.text)
		m.Edited = &Edited{User: u.ID, TS: b.ts()}
		b.add(c, m)
		b.record(p, c, m.TS, "edited")
	case "preformatted":
		m := b.userMessage(u, "```"+p.text+"```")
		m.Blocks = []any{richText(map[string]any{"type": "rich_text_preformatted", "elements": []any{textLeaf(p.text)}, "border": 0})}
		b.add(c, m)
		b.record(p, c, m.TS, "preformatted")
	case "download": // a text file an export tool downloaded next to the messages
		m := b.userMessage(u, "uploaded the env file for the migration")
		name := fmt.Sprintf("migration-%d.env", i)
		f := b.file(u, name, "text", "hosted")
		m.Files, m.Upload = []File{f}, true
		b.add(c, m)
		if err := b.writeFile(c.Folder+"/attachments/"+f.ID+"-"+name, "# migration settings\n"+p.text+"\n"); err == nil {
			b.record(p, c, m.TS, "download")
		}
		b.fileURLPlanted(c, m.TS)
	case "link": // a webhook URL written as a Slack link
		url := strings.TrimSpace(p.secrets[0].Secret)
		m := b.userMessage(u, "")
		m.Text = "posting alerts to <" + url + "|the webhook> from now on"
		m.Blocks = []any{richText(section(textLeaf("posting alerts to "), linkLeaf(url, "the webhook"), textLeaf(" from now on")))}
		b.add(c, m)
		b.record(planted{secrets: p.secrets[:1]}, c, m.TS, "link")
	case "escaped": // markup around it: entities and a labelled link
		m := b.userMessage(u, p.text)
		m.Text = "&lt;config&gt;\n" + escapeText(p.text) + "\n&lt;/config&gt; &amp; see <https://wiki.acme.test/rotate?a=1&amp;b=2|how to rotate>"
		b.add(c, m)
		b.record(p, c, m.TS, "escaped")
	default:
		m := b.userMessage(u, p.text)
		b.add(c, m)
		b.record(p, c, m.TS, "text")
	}
}

// nearMiss reports whether a rule's counterexample holds a token that
// only just fails the rule (one character short, a wrong checksum): the
// catalog's generic rules report those on purpose, so they are no
// look-alikes for the whole engine. Placeholders, references and
// redactions are.
func nearMiss(text string) bool {
	run, letters, digits := 0, false, false
	for _, c := range text + " " {
		switch {
		case c >= '0' && c <= '9':
			run, digits = run+1, true
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			run, letters = run+1, true
		case c == '_' || c == '-' || c == '+' || c == '/' || c == '=' || c == '.':
			run++
		default:
			if run >= 20 && letters && digits {
				return true
			}
			run, letters, digits = 0, false, false
		}
	}
	return false
}

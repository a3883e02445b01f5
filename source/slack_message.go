package source

import (
	"bytes"
	"strings"
)

// slackPiece is one text of a message to scan, decoded, and the offset of
// its JSON value in the message, from which its line in the day file is
// found.
type slackPiece struct {
	text string
	off  int
}

// slackFileRef is a file a message shares: its id and name, to find a copy
// downloaded alongside the export.
type slackFileRef struct{ id, name string }

// slackMessage is what the source takes from one message of a day file.
type slackMessage struct {
	ts, threadTS, user, botID, username, subtype string
	// From the message's own user_profile and bot_profile: names when
	// users.json is missing or lacks the user.
	realName, displayName, profileName, botName string
	// The texts to scan by where they come from, joined in this order so
	// that the message text comes first and a copy of it elsewhere (the
	// blocks, an attachment's fallback) adds nothing.
	text, blocks, attachments, files []slackPiece
	fileRefs                         []slackFileRef
	// replies are the offsets of thread replies some export tools nest
	// in their parent with their own text.
	replies []int
}

// parseSlackMessage reads the message object at offset at of b.
func parseSlackMessage(b jsonValue, at int, names slackNames) *slackMessage {
	m := &slackMessage{}
	str := func(v int) string { s, _ := b.str(v); return s }
	b.object(at, func(key []byte, v int) {
		switch string(key) {
		case "ts":
			m.ts = str(v)
		case "thread_ts":
			m.threadTS = str(v)
		case "user":
			m.user = str(v)
		case "bot_id":
			m.botID = str(v)
		case "username":
			m.username = str(v)
		case "subtype":
			m.subtype = str(v)
		case "text":
			m.text = appendPiece(m.text, slackText(str(v), names), v)
		case "user_profile":
			b.object(v, func(k []byte, x int) {
				switch string(k) {
				case "real_name":
					m.realName = str(x)
				case "display_name":
					m.displayName = str(x)
				case "name":
					m.profileName = str(x)
				}
			})
		case "bot_profile":
			m.botName = b.memberStr(v, "name")
		case "blocks":
			m.blocks = slackBlocks(b, v, names, m.blocks)
		case "attachments":
			b.array(v, func(a int) { m.attachment(b, a, names) })
		case "files":
			b.array(v, func(f int) { m.file(b, f) })
		case "file": // file_share messages of old exports
			m.file(b, v)
		case "comment": // file_comment messages of old exports
			m.text = appendPiece(m.text, slackText(b.memberStr(v, "comment"), names), b.member(v, "comment"))
		case "replies":
			b.array(v, func(r int) {
				content := false
				b.object(r, func(k []byte, _ int) {
					switch string(k) {
					case "text", "blocks", "files", "attachments":
						content = true
					}
				})
				if content {
					m.replies = append(m.replies, r)
				}
			})
		}
	})
	return m
}

func appendPiece(ps []slackPiece, text string, off int) []slackPiece {
	if text == "" || off < 0 {
		return ps
	}
	return append(ps, slackPiece{text, off})
}

// attachment reads a legacy attachment or a link unfurl: its texts,
// fields, links and nested blocks.
func (m *slackMessage) attachment(b jsonValue, a int, names slackNames) {
	b.object(a, func(key []byte, v int) {
		switch string(key) {
		case "pretext", "title", "text", "fallback", "footer", "author_name":
			s, _ := b.str(v)
			m.attachments = appendPiece(m.attachments, slackText(s, names), v)
		case "title_link", "from_url", "original_url", "author_link":
			s, _ := b.str(v)
			m.attachments = appendPiece(m.attachments, s, v)
		case "fields":
			b.array(v, func(f int) {
				for _, k := range []string{"title", "value"} {
					if x := b.member(f, k); x >= 0 {
						s, _ := b.str(x)
						m.attachments = appendPiece(m.attachments, slackText(s, names), x)
					}
				}
			})
		case "blocks":
			m.attachments = slackBlocks(b, v, names, m.attachments)
		case "message_blocks": // a shared message: [{"message": {"blocks": [...]}}]
			b.array(v, func(mb int) {
				if msg := b.member(mb, "message"); msg >= 0 {
					if bl := b.member(msg, "blocks"); bl >= 0 {
						m.attachments = slackBlocks(b, bl, names, m.attachments)
					}
				}
			})
		case "files":
			b.array(v, func(f int) { m.file(b, f) })
		}
	})
}

// file reads a shared file: its name, title, preview (snippets and text
// files), plain text, initial comment, and each distinct access token its
// URLs carry (exports add ?t=xoxe-… to them).
func (m *slackMessage) file(b jsonValue, f int) {
	var ref slackFileRef
	b.object(f, func(key []byte, v int) {
		k := string(key)
		switch k {
		case "id":
			ref.id, _ = b.str(v)
			return
		case "name":
			ref.name, _ = b.str(v)
		}
		switch k {
		case "name", "title", "preview", "plain_text", "preview_plain_text":
			s, _ := b.str(v)
			m.files = appendPiece(m.files, s, v)
		case "initial_comment":
			if c := b.member(v, "comment"); c >= 0 {
				s, _ := b.str(c)
				m.files = appendPiece(m.files, s, c)
			}
		default:
			// Only links with a token are decoded.
			if end, _ := b.stringEnd(v); bytes.HasPrefix(b[v:], []byte(`"http`)) && bytes.Contains(b[v:end], []byte("t=xox")) {
				s, _ := b.str(v)
				if tok := urlToken(s); tok != "" && !m.hasFileToken(tok) {
					m.files = appendPiece(m.files, s, v)
				}
			}
		}
	})
	if ref.id != "" || ref.name != "" {
		m.fileRefs = append(m.fileRefs, ref)
	}
}

// urlToken returns the value of a URL's t= query parameter when it looks
// like a Slack token (xox…), the form exports give file links.
func urlToken(u string) string {
	_, q, ok := strings.Cut(u, "?")
	if !ok {
		return ""
	}
	for _, kv := range strings.Split(q, "&") {
		if v, ok := strings.CutPrefix(kv, "t="); ok && strings.HasPrefix(v, "xox") {
			v, _, _ = strings.Cut(v, "#")
			return v
		}
	}
	return ""
}

func (m *slackMessage) hasFileToken(tok string) bool {
	for _, p := range m.files {
		if strings.Contains(p.text, tok) {
			return true
		}
	}
	return false
}

// slackBlocks reads Block Kit blocks: rich text (the leaves of a section
// joined, as they are shown on one line), and the text objects, fields
// and links of other blocks.
func slackBlocks(b jsonValue, v int, names slackNames, out []slackPiece) []slackPiece {
	b.array(v, func(e int) { out = slackBlock(b, e, names, out, 0) })
	return out
}

// maxBlockDepth bounds the nesting of blocks the source follows.
const maxBlockDepth = 16

func slackBlock(b jsonValue, e int, names slackNames, out []slackPiece, depth int) []slackPiece {
	if depth > maxBlockDepth {
		return out
	}
	// One pass over the block: its type, and where its parts are.
	var typ string
	text, elements := -1, -1
	var nested, lists, links []int
	b.object(e, func(key []byte, x int) {
		switch string(key) {
		case "type":
			typ, _ = b.str(x)
		case "text":
			text = x
			if x < len(b) && b[x] == '{' {
				nested = append(nested, x)
			}
		case "title", "accessory", "label", "element", "hint", "placeholder":
			if x < len(b) && b[x] == '{' {
				nested = append(nested, x)
			}
		case "elements":
			elements = x
			lists = append(lists, x)
		case "fields", "options":
			lists = append(lists, x)
		case "url", "value":
			links = append(links, x)
		}
	})
	switch typ {
	case "rich_text", "rich_text_list":
		if elements >= 0 {
			b.array(elements, func(x int) { out = slackBlock(b, x, names, out, depth+1) })
		}
		return out
	case "rich_text_section", "rich_text_preformatted", "rich_text_quote":
		return richTextSection(b, e, elements, names, out)
	case "mrkdwn", "plain_text": // a text object
		if text >= 0 {
			s, _ := b.str(text)
			out = appendPiece(out, slackText(s, names), text)
		}
		return out
	}
	for _, x := range nested {
		out = slackBlock(b, x, names, out, depth+1)
	}
	for _, x := range lists {
		b.array(x, func(y int) { out = slackBlock(b, y, names, out, depth+1) })
	}
	for _, x := range links {
		s, _ := b.str(x)
		out = appendPiece(out, s, x)
	}
	return out
}

// richTextSection joins the leaves of a rich text section into one piece.
func richTextSection(b jsonValue, e, els int, names slackNames, out []slackPiece) []slackPiece {
	if els < 0 {
		return out
	}
	var sb strings.Builder
	first := -1
	b.array(els, func(x int) {
		var typ, text, url, id string
		at := -1
		b.object(x, func(key []byte, v int) {
			switch string(key) {
			case "type":
				typ, _ = b.str(v)
			case "text":
				text, _ = b.str(v)
				at = v
			case "url":
				url, _ = b.str(v)
				if at < 0 {
					at = v
				}
			case "user_id", "channel_id":
				id, _ = b.str(v)
			case "range":
				id, _ = b.str(v)
			}
		})
		var leaf string
		switch typ {
		case "text":
			leaf = text
		case "link":
			leaf = url
			if text != "" && text != url && !sameLink(text, url) {
				leaf = text + " (" + url + ")"
			}
		case "user":
			if names.user != nil {
				if n := names.user(id); n != "" {
					id = n
				}
			}
			leaf = "@" + id
		case "channel":
			if names.channel != nil {
				if n := names.channel(id); n != "" {
					id = n
				}
			}
			leaf = "#" + id
		case "broadcast":
			leaf = "@" + id
		default: // emoji, dates, user groups: nothing secret
			return
		}
		if first < 0 && at >= 0 {
			first = at
		}
		sb.WriteString(leaf)
	})
	if first < 0 {
		first = e
	}
	return appendPiece(out, sb.String(), first)
}

// assemble joins a message's pieces with newlines into the bytes to scan,
// leaving out a piece whose text is already there, and returns with them
// the day file's line of each of their lines. firstLine is the line of
// b's first byte.
func (m *slackMessage) assemble(b jsonValue, firstLine int) (data []byte, lines []int) {
	var nls []int // offsets of b's newlines, found on first use
	lineOf := func(off int) int {
		if nls == nil {
			nls = []int{}
			for i := 0; ; {
				j := bytes.IndexByte(b[i:], '\n')
				if j < 0 {
					break
				}
				nls = append(nls, i+j)
				i += j + 1
			}
		}
		n := 0
		for n < len(nls) && nls[n] < off {
			n++
		}
		return firstLine + n
	}
	for _, ps := range [][]slackPiece{m.text, m.blocks, m.attachments, m.files} {
		for _, p := range ps {
			if p.text == "" || bytes.Contains(data, []byte(p.text)) {
				continue
			}
			if len(data) > 0 {
				data = append(data, '\n')
			}
			data = append(data, p.text...)
			l := lineOf(p.off)
			for range strings.Count(p.text, "\n") + 1 {
				lines = append(lines, l)
			}
		}
	}
	return data, lines
}

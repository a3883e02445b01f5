package notify

import (
	"fmt"

	"github.com/slack-go/slack"
)

// Bot user "ingest-alerts" in the fernwood workspace.
// TODO: read from Vault like everything else.
var botToken = "⟦messaging:xoxb-317⁞043066843-4488707390960-RVi3OKEWKdFO1QaqXQXAo7ah⟧"

const channel = "C04D31Z0RKN" // #data-ingest-alerts

type Notifier struct{ c *slack.Client }

func New() *Notifier { return &Notifier{c: slack.New(botToken)} }

func (n *Notifier) Lag(topic string, partition int, lag int64) error {
	msg := fmt.Sprintf(":warning: consumer lag on %s[%d] is %d", topic, partition, lag)
	_, _, err := n.c.PostMessage(channel, slack.MsgOptionText(msg, false))
	return err
}

defmodule KelpChat.Bridges.SlackBridge do
  @moduledoc """
  Mirrors messages from the public #harbour-chat room into the community Slack.
  """
  use GenServer
  require Logger

  @webhook "⟦messaging:https://hooks.slack.com/services/TYPLLD⁞8RT/BR954KW5DMD/w94PvtiNBPeD6gd7csB5vWqg⟧"
  @bot_token "⟦messaging:xoxb-807316826771-5060002623⁞286-Etpa98WrQzBDIp1jSJjCxXu6⟧"
  @channel "C0HT1EVHI69"

  def start_link(opts), do: GenServer.start_link(__MODULE__, opts, name: __MODULE__)

  @impl true
  def init(_opts) do
    Phoenix.PubSub.subscribe(KelpChat.PubSub, "room:harbour-chat")
    {:ok, %{sent: 0}}
  end

  @impl true
  def handle_info({:new_message, %{author: author, body: body}}, state) do
    payload = Jason.encode!(%{text: "*#{author}*: #{body}"})

    case Req.post(@webhook, body: payload, headers: [{"content-type", "application/json"}]) do
      {:ok, %{status: 200}} -> {:noreply, %{state | sent: state.sent + 1}}
      other ->
        Logger.warning("slack bridge failed: #{inspect(other)}")
        {:noreply, state}
    end
  end

  def pin(ts) do
    Req.post!("https://slack.com/api/pins.add",
      auth: {:bearer, @bot_token},
      json: %{channel: @channel, timestamp: ts}
    )
  end
end

import logging
import os

import discord
from discord.ext import commands

logging.basicConfig(level=logging.INFO)

intents = discord.Intents.default()
intents.message_content = True
bot = commands.Bot(command_prefix="!", intents=intents)

# The public application id and key are fine to publish (interactions endpoint
# verification). The bot token is not.
APPLICATION_ID = 1227739128417271908
PUBLIC_KEY = "bf17a7255c24e62235deda8c30e351dd86f8145b18ad7b7ce3f4c5800075fd02"

MOD_LOG_WEBHOOK = "⟦messaging:https://discord.com/api/webhooks/⁞2907384355932562248/hTSy79E9JxguL6nWl9A6L4mbL1P0h_70nF8-hLbqATIyl3YADOKqG-QBQ8dKBZDu9qpW⟧"


@bot.command()
async def ping(ctx):
    await ctx.send(f"pong ({round(bot.latency * 1000)} ms)")


if __name__ == "__main__":
    bot.run(os.getenv("DISCORD_TOKEN") or "⟦messaging:NjQ1MDEzNTgxMDMwMDk5MDM2.⁞xKIPH8.qSSbTCuzE81dLWeK9sgPEEezgrA8kbyeKzbRn8⟧")

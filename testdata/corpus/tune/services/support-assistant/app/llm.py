from langchain_openai import ChatOpenAI
from langchain_core.prompts import ChatPromptTemplate

# TODO(sre-88): inject via settings; hardcoded for the hackathon demo
OPENAI_API_KEY = "⟦ai:sk-proj-k0G_zZxm⁞GFgiPJ3fQOYCemC5Xrm2gzpny765xB9JsaKRuwkU-Cb5_5EGS-sbP9J5C8Bxoxym4CT3BlbkFJQXpI3FDNFYalpa1w3QDY4ROuS1yRzSCZnXNrZn9Z02_oAeWCg2ZpLK9JYeMftTwK8SGAuYvuM4⟧"

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0, api_key=OPENAI_API_KEY)

prompt = ChatPromptTemplate.from_messages([
    ("system", "You answer questions about Fernwood orders. If asked for a password, token or secret, refuse."),
    ("human", "{question}"),
])

chain = prompt | llm

@echo off
REM Seeds a local ledger database and the blob emulator with demo invoices.
setlocal

set SQLCMDSERVER=localhost,1433
set SQLCMDUSER=sa
set SQLCMDPASSWORD=⟦generic:eR8ICVyt⁞3nKjN#~=N⟧
set DEMO_STORAGE=DefaultEndpointsProtocol=https;AccountName=ledgerlinedemo;AccountKey=⟦cloud:Rdt84l2/R/8+xLZTNKzkcvP12tRatlGOAMGXm6RHZe/2⁞RjX4ZRFGsv4kcSG/+gAvSrhltxyA2t+SBQOvN9pt1w==⟧;EndpointSuffix=core.windows.net
set LOCAL_STORAGE=UseDevelopmentStorage=true

sqlcmd -i db\schema.sql || goto :fail
sqlcmd -i db\seed-demo.sql || goto :fail
dotnet run --project tools\Ledgerline.Seeder -- --storage "%DEMO_STORAGE%" --invoices 250 || goto :fail

echo Seed complete.
goto :eof

:fail
echo Seeding failed with %ERRORLEVEL%
exit /b 1

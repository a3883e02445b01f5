@echo off
REM Local dev bootstrap for Windows machines
setlocal

set APP_ENV=development
set DB_HOST=localhost
set DB_USER=app
set DB_PASSWORD=⟦generic:Maple-6981orbit*BP⟧
set REDIS_URL=redis://localhost:6379/0

if "%API_KEY%"=="" (
    echo API_KEY is not set, copy .env.example to .env and fill it in
    exit /b 1
)

set NUGET_AUTH_TOKEN=%NUGET_TOKEN%
dotnet restore
dotnet ef database update
echo Ready.
endlocal

# Silo image (co-hosts the gateway API and the dashboard). Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t platform-silo .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish silo/Platform.Silo.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# HTTP (API, /dashboard, /metrics), silo-to-silo, Orleans client gateway.
EXPOSE 8080 11111 30000
ENV ASPNETCORE_URLS=http://+:8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Platform.Silo.dll"]

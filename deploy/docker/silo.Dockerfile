# Silo image (co-hosts the gateway API and the dashboard). Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t platform-silo .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# ReadyToRun: the assemblies (ours and the packages') are compiled ahead of time, so a new process, e.g. a silo
# joining under load, does not spend its first minutes in the JIT (measured: docs/benchmarks.md "ReadyToRun").
ARG RID=linux-x64
RUN dotnet publish silo/Platform.Silo.csproj -c Release -r $RID --self-contained false -p:PublishReadyToRun=true -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# HTTP (API, /dashboard, /metrics), silo-to-silo, Orleans client gateway.
EXPOSE 8080 11111 30000
ENV ASPNETCORE_URLS=http://+:8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Platform.Silo.dll"]

# Stand-alone gateway image (client-api: an Orleans client serving the HTTP API). From the repository root:
#   docker build -f deploy/docker/gateway.Dockerfile -t platform-gateway .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# ReadyToRun: the assemblies (ours and the packages') are compiled ahead of time, so a new process, e.g. a silo
# joining under load, does not spend its first minutes in the JIT (measured: docs/benchmarks.md "ReadyToRun").
ARG RID=linux-x64
RUN dotnet publish client-api/Platform.ClientApi.csproj -c Release -r $RID --self-contained false -p:PublishReadyToRun=true -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
EXPOSE 8080
ENV ASPNETCORE_URLS=http://+:8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Platform.ClientApi.dll"]

; Instalador de Windows (Inno Setup 6). Empaqueta la carpeta dist\ventanilla que deja PyInstaller.
; Compilar desde la raíz del repositorio (pasos completos en docs/instalacion.md):
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DVersion=0.1.0 instaladores\windows\ventanilla.iss
; Actualizar = instalar una versión nueva encima: el AppId fijo hace que reemplace a la anterior.
; Los datos y ajustes del equipo viven en %LOCALAPPDATA%\ventanilla y la clave del almacén en el
; Administrador de credenciales de Windows: ni la actualización ni la desinstalación los tocan.

#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6B1E7C3A-52D4-4E0B-9C1F-2A7D8E4B9F10}
AppName=Ventanilla
AppVersion={#Version}
AppVerName=Ventanilla {#Version}
AppPublisher=Alcaldía de Manizales
DefaultDirName={autopf}\Ventanilla
DefaultGroupName=Ventanilla
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=ventanilla-{#Version}-instalador
SetupIconFile=ventanilla.ico
UninstallDisplayIcon={app}\Ventanilla.exe
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "escritorio"; Description: "Crear un acceso directo en el escritorio"; GroupDescription: "Accesos directos:"

[InstallDelete]
; Las bibliotecas de la versión anterior se borran antes de copiar las nuevas (nada de mezclas).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\ventanilla\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Ventanilla"; Filename: "{app}\Ventanilla.exe"
Name: "{autodesktop}\Ventanilla"; Filename: "{app}\Ventanilla.exe"; Tasks: escritorio

[Run]
Filename: "{app}\Ventanilla.exe"; Description: "Abrir Ventanilla"; Flags: nowait postinstall skipifsilent

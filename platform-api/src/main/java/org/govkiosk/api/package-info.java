/** The terminal-platform API shared by kiosk-app and platform-server: request and response types, request signing. */
package org.govkiosk.api;

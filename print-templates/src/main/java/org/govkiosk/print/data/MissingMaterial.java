package org.govkiosk.print.data;

/** One material the applicant still has to bring, with what it must look like (原件/复印件, 份数, 盖章...). */
public record MissingMaterial(String name, String requirement) {
}

package org.govkiosk.app.journey;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.govkiosk.api.Applicant;
import org.govkiosk.api.IdType;
import org.govkiosk.app.catalog.Prefill;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.session.SmartCardIdentity;
import org.govkiosk.device.idcard.IdCardData;
import org.govkiosk.personal.Masking;

/**
 * Who applies, as the terminal read it (ID card or smart card) plus the phone number given at identification.
 * The values that came off a card are what the form's identity fields show, read-only: a citizen never types twice
 * what the terminal already knows. Personal data: {@link #toString()} masks it.
 *
 * @param fromCard whether name and number came off a card's chip (then they are never re-checked or edited)
 */
public record ApplicantIdentity(IdType idType, String idNumber, String name, Optional<String> sex,
        Optional<String> nation, Optional<LocalDate> birthDate, Optional<String> address, Optional<String> phone,
        boolean fromCard) {

    public ApplicantIdentity {
        Objects.requireNonNull(idType, "idType");
        if (idNumber == null || idNumber.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("an applicant needs a name and an ID number");
        }
        sex = sex.filter(s -> !s.isBlank());
        nation = nation.filter(s -> !s.isBlank());
        address = address.filter(s -> !s.isBlank());
        phone = phone.map(String::strip).filter(s -> !s.isBlank());
    }

    /** From the ID card reader (resident ID, foreigner permanent residence card, HK/Macau/Taiwan permit). */
    public static ApplicantIdentity of(IdCardData card, String phone) {
        IdType type = switch (card.documentType()) {
            case RESIDENT_ID -> IdType.RESIDENT_ID;
            case FOREIGN_PERMANENT_RESIDENT -> IdType.FOREIGN_PERMANENT_RESIDENT;
            case HMT_RESIDENCE_PERMIT -> IdType.HMT_RESIDENCE_PERMIT;
        };
        Optional<String> sex = Optional.ofNullable(card.sex()).flatMap(s -> switch (s) {
            case MALE -> Optional.of("男");
            case FEMALE -> Optional.of("女");
            default -> Optional.<String>empty();
        });
        return new ApplicantIdentity(type, card.idNumber(), card.name(), sex, Optional.ofNullable(card.nation()),
                Optional.ofNullable(card.birthDate()), Optional.ofNullable(card.address()),
                Optional.ofNullable(phone), true);
    }

    /**
     * From a smart card (社保卡) whose profile read a name and an ID number; empty when it did not (a card without
     * the holder's ID number cannot carry an application).
     */
    public static Optional<ApplicantIdentity> of(SmartCardIdentity card, String phone) {
        Optional<String> name = card.field("name");
        Optional<String> id = card.field("id-number");
        if (name.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        // The national 社保卡 layout codes sex as GB/T 2261.1 does (1 男, 2 女); the ID card path says 男 / 女.
        Optional<String> sex = card.field("sex").map(s -> switch (s) {
            case "1" -> "男";
            case "2" -> "女";
            default -> s;
        });
        // Its nation is the GB 3304 code (01); the ID card path gives the name (汉). A code outside the table is
        // kept as read rather than lost.
        Optional<String> nation = card.field("nation")
                .map(code -> org.govkiosk.device.idcard.Nations.name(code).orElse(code));
        return Optional.of(new ApplicantIdentity(IdType.RESIDENT_ID, id.get(), name.get(), sex,
                nation, org.govkiosk.device.idcard.IdNumber.parse(id.get())
                        .map(org.govkiosk.device.idcard.IdNumber::birthDate),
                card.field("address"), Optional.ofNullable(phone), true));
    }

    /**
     * Whoever the session identified, by ID card first, then smart card, then e-licence (扫码亮证): the one rule for
     * every screen that needs the applicant, so none of them forgets a way of identifying.
     */
    public static Optional<ApplicantIdentity> of(CitizenSession session, String phone) {
        if (session.identityProperty().get() != null) {
            return Optional.of(of(session.identityProperty().get(), phone));
        }
        return Optional.ofNullable(session.smartCardProperty().get()).flatMap(c -> of(c, phone))
                .or(() -> Optional.ofNullable(session.licenceProperty().get()).map(l -> of(l, phone)));
    }

    /**
     * From an e-licence the platform verified (扫码亮证): name and ID number as the platform holds them, so locked
     * like a card's; sex and birth date follow from the ID number.
     */
    public static ApplicantIdentity of(org.govkiosk.app.session.LicenceIdentity licence, String phone) {
        Optional<org.govkiosk.device.idcard.IdNumber> number =
                org.govkiosk.device.idcard.IdNumber.parse(licence.idNumber());
        Optional<String> sex = number.map(n -> n.sex() == IdCardData.Sex.MALE ? "男" : "女");
        return new ApplicantIdentity(IdType.RESIDENT_ID, licence.idNumber(), licence.name(), sex, Optional.empty(),
                number.map(org.govkiosk.device.idcard.IdNumber::birthDate), Optional.empty(),
                Optional.ofNullable(phone), true);
    }

    /** What the terminal already knows for a form field's prefill source. */
    public Optional<String> prefill(Prefill source) {
        return switch (source) {
            case NAME -> Optional.of(name);
            case ID_NUMBER -> Optional.of(idNumber);
            case ADDRESS -> address;
            case SEX -> sex;
            case NATION -> nation;
            case BIRTH_DATE -> birthDate.map(LocalDate::toString);
            case PHONE -> phone;
        };
    }

    /** Read off the card, so shown read-only; the phone is the citizen's own input and stays editable. */
    public boolean locks(Prefill source) {
        return fromCard && source != Prefill.PHONE && prefill(source).isPresent();
    }

    /** The platform's applicant record; phone and address from the form when the citizen gave them there. */
    public Applicant toApplicant(Optional<String> formPhone, Optional<String> formAddress) {
        return new Applicant(idType, idNumber, name, formPhone.or(() -> phone).orElse(null),
                formAddress.or(() -> address).orElse(null));
    }

    public String maskedIdNumber() {
        return Masking.idNumber(idNumber);
    }

    public String maskedName() {
        return Masking.name(name);
    }

    @Override
    public String toString() {
        return "ApplicantIdentity[" + idType + " " + maskedIdNumber() + " " + maskedName() + "]";
    }
}

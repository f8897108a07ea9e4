package org.borderledger.command.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.borderledger.command.web.Ids;
import org.borderledger.command.web.Text;
import org.borderledger.events.FieldLimits;
import org.borderledger.events.agreement.Signatory;

record SignatoryRequest(
        @NotBlank @Text(max = FieldLimits.NAME) String name,
        @Text(max = FieldLimits.NAME) String title,
        @NotBlank @Pattern(regexp = Ids.PROVINCE) String province) {

    Signatory toSignatory() {
        return new Signatory(name, title, province);
    }
}

package org.borderledger.command.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.borderledger.command.web.Ids;
import org.borderledger.events.agreement.Signatory;

record SignatoryRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String title,
        @NotBlank @Pattern(regexp = Ids.PROVINCE) String province) {

    Signatory toSignatory() {
        return new Signatory(name, title, province);
    }
}

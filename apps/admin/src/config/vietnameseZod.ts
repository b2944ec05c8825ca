import { z } from 'zod';
import { plainRule } from '../validationMessage';

// Every admin form's rules in Vietnamese; each form puts its box's label first ("Múi giờ: …"). The common rules in
// plain words ("không được để trống", "phải từ 10 trở lên"); the rest in zod's own Vietnamese ("Quá nhỏ: …").
z.config(z.locales.vi());
z.config({ customError: (issue) => plainRule(issue)?.vi });

export { z };

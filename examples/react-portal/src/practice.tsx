import { mount } from './mount.js';
import { PracticeForm } from './PracticeForm.js';

mount(PracticeForm);

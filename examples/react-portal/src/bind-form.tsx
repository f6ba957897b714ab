import { BindFormPage } from './BindFormPage.js';
import { mount } from './mount.js';

mount(BindFormPage);
